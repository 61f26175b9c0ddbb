package org.kinship.federation.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kinship.federation.jsonld.ActivityReader;
import org.kinship.federation.jsonld.ContextDocuments;
import org.kinship.federation.jsonld.EventStatus;
import org.kinship.federation.jsonld.IncomingObject;
import org.kinship.federation.jsonld.ReadResult;

/**
 * Our Event says whether the date takes place, with Mobilizon's key {@code ical:status}, and the prefix is
 * declared in the context we write, so a strict JSON-LD processor reads it as iCalendar's status and our own
 * reader reads back what we wrote.
 */
class EventStatusWritingTest {
    private static final String ICAL_STATUS = "http://www.w3.org/2002/12/cal/ical#status";

    private final ContextDocuments contexts = ContextDocuments.bundled();

    @Test
    void aDateThatTakesPlaceIsConfirmed() {
        JsonObject event = Samples.event();
        assertEquals("CONFIRMED", event.getString("ical:status"));
        assertEquals("CONFIRMED", expandedStatus(event));
    }

    @Test
    void aCancelledDateSaysSoAndReadsBack() {
        ObjectDocuments.Meetup m = Samples.MEETUP;
        ObjectDocuments.Meetup cancelled = new ObjectDocuments.Meetup(m.name(), m.startTime(), m.endTime(), m.timezone(),
                m.location(), m.online(), m.maximumAttendeeCapacity(), m.participantCount(), m.category(),
                m.approvalRequired(), EventStatus.CANCELLED);
        JsonObject event = ObjectDocuments.event(Samples.eventPosting(), cancelled, null);
        assertEquals("CANCELLED", event.getString("ical:status"));
        assertEquals("CANCELLED", expandedStatus(event));

        ReadResult<IncomingObject> read = new ActivityReader(contexts)
                .readObject(event.toString().getBytes(StandardCharsets.UTF_8));
        if (!(read instanceof ReadResult.Read<IncomingObject> r)) {
            throw new AssertionError("refused: " + read);
        }
        assertEquals(Optional.of(EventStatus.CANCELLED), r.value().event().orElseThrow().status());
    }

    @Test
    void theContextDeclaresTheIcalPrefix() {
        JsonObject terms = Contexts.kinship().getJsonObject(2);
        assertEquals("http://www.w3.org/2002/12/cal/ical#", terms.getString("ical"));
    }

    @Test
    void aMeetupAlwaysHasAStatus() {
        ObjectDocuments.Meetup m = Samples.MEETUP;
        assertThrows(NullPointerException.class, () -> new ObjectDocuments.Meetup(m.name(), m.startTime(), m.endTime(),
                m.timezone(), m.location(), m.online(), m.maximumAttendeeCapacity(), m.participantCount(), m.category(),
                m.approvalRequired(), null));
    }

    private String expandedStatus(JsonObject document) {
        try {
            JsonArray expanded = JsonLd.expand(JsonDocument.of(document)).loader(contexts)
                    .undefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail).get();
            JsonArray values = expanded.getJsonObject(0).getJsonArray(ICAL_STATUS);
            assertTrue(values != null && values.size() == 1, "ical:status expands to iCalendar's status: " + expanded);
            return values.getJsonObject(0).getString("@value");
        } catch (JsonLdError e) {
            return fail("not valid JSON-LD here: " + e.getMessage(), e);
        }
    }
}
