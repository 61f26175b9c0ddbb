package org.kinship.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An Event's {@code ical:status}, as Mobilizon sends it (its cancellation is an Update with {@code CANCELLED}),
 * read through the bundled contexts alone: from Mobilizon's own documents, from small inline ones with the prefix
 * declared or not, and never a status Kinship does not know.
 */
class EventStatusReadingTest {

    private final List<java.net.URI> refused = new ArrayList<>();
    private final ActivityReader reader = new ActivityReader(ContextDocuments.bundled(refused::add));

    @AfterEach
    void onlyBundledContextsWereAskedFor() {
        // The pleroma fixture names litepub's context, which is dropped without a fetch; nothing else may be asked for.
        assertTrue(refused.stream().allMatch(u -> u.toString().contains("litepub")), refused::toString);
    }

    @Test
    void mobilizonEventsAreConfirmed() {
        assertEquals(Optional.of(EventStatus.CONFIRMED), status(object(Interop.bytes("lemmy-assets/mobilizon/objects/event.json"))));
        assertEquals(Optional.of(EventStatus.CONFIRMED),
                status(object(Interop.bytes("pleroma-fixtures/tesla_mock/mobilizon.org-event.json"))));
    }

    @Test
    void anUpdateWithCancelledIsACancellation() {
        Incoming update = activity("""
                {"@context": ["https://www.w3.org/ns/activitystreams", {"ical": "http://www.w3.org/2002/12/cal/ical#"}],
                 "id": "https://mobilizon.example/activities/1", "type": "Update",
                 "actor": "https://mobilizon.example/@walkers",
                 "object": {"id": "https://mobilizon.example/events/1", "type": "Event", "name": "Walk",
                            "startTime": "2030-05-01T17:00:00+02:00", "ical:status": "CANCELLED"}}""");
        IncomingObject event = update.embeddedObject().orElseThrow();
        assertEquals(Optional.of(EventStatus.CANCELLED), status(event));
        assertTrue(event.event().orElseThrow().cancelled());
    }

    @Test
    void theStatusIsReadWhenThePrefixWasNeverDeclared() {
        IncomingObject event = object(bytes("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://mobilizon.example/events/2",
                 "type": "Event", "name": "Walk", "startTime": "2030-05-01T17:00:00Z", "ical:status": "TENTATIVE"}"""));
        assertEquals(Optional.of(EventStatus.TENTATIVE), status(event));
    }

    @Test
    void theStatusTermMayBeDefinedAsAnyOtherTerm() {
        IncomingObject event = object(bytes("""
                {"@context": ["https://www.w3.org/ns/activitystreams",
                              {"eventStatus": "http://www.w3.org/2002/12/cal/ical#status"}],
                 "id": "https://mobilizon.example/events/3", "type": "Event", "name": "Walk",
                 "startTime": "2030-05-01T17:00:00Z", "eventStatus": "cancelled"}"""));
        assertEquals(Optional.of(EventStatus.CANCELLED), status(event), "case aside");
    }

    @Test
    void anUnknownOrMissingStatusIsNone() {
        IncomingObject postponed = object(bytes("""
                {"@context": ["https://www.w3.org/ns/activitystreams", {"ical": "http://www.w3.org/2002/12/cal/ical#"}],
                 "id": "https://mobilizon.example/events/4", "type": "Event", "name": "Walk",
                 "startTime": "2030-05-01T17:00:00Z", "ical:status": "POSTPONED"}"""));
        assertEquals(Optional.empty(), status(postponed));
        assertFalse(postponed.event().orElseThrow().cancelled());
        IncomingObject plain = object(bytes("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://mobilizon.example/events/5",
                 "type": "Event", "name": "Walk", "startTime": "2030-05-01T17:00:00Z"}"""));
        assertEquals(Optional.empty(), status(plain));
        // A status that is not a word (an object) is not a status either.
        IncomingObject odd = object(bytes("""
                {"@context": ["https://www.w3.org/ns/activitystreams", {"ical": "http://www.w3.org/2002/12/cal/ical#"}],
                 "id": "https://mobilizon.example/events/6", "type": "Event", "name": "Walk",
                 "startTime": "2030-05-01T17:00:00Z", "ical:status": {"id": "https://mobilizon.example/CANCELLED"}}"""));
        assertEquals(Optional.empty(), status(odd));
    }

    @Test
    void onlyEventsHaveAStatus() {
        IncomingObject note = object(bytes("""
                {"@context": ["https://www.w3.org/ns/activitystreams", {"ical": "http://www.w3.org/2002/12/cal/ical#"}],
                 "id": "https://mobilizon.example/notes/1", "type": "Note", "content": "hi", "ical:status": "CANCELLED"}"""));
        assertTrue(note.event().isEmpty());
    }

    private static Optional<EventStatus> status(IncomingObject event) {
        assertEquals(ObjectType.EVENT, event.type());
        return event.event().orElseThrow().status();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private IncomingObject object(byte[] json) {
        ReadResult<IncomingObject> result = reader.readObject(json);
        if (result instanceof ReadResult.Read<IncomingObject> read) {
            return read.value();
        }
        return fail("refused: " + result);
    }

    private Incoming activity(String json) {
        ReadResult<Incoming> result = reader.readActivity(bytes(json));
        if (result instanceof ReadResult.Read<Incoming> read) {
            return read.value();
        }
        return fail("refused: " + result);
    }
}
