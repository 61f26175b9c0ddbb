package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.meetup.Meetup;
import org.kinship.platform.meetup.MeetupDetails;
import org.kinship.platform.meetup.Occurrence;

/** A date's Event says whether it takes place: CONFIRMED while scheduled, CANCELLED once the date or its meetup is off. */
class MeetupStatusDocumentTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant NOW = Instant.parse("2027-01-01T12:00:00Z");
    private static final LocalIris IRIS = new LocalIris("https://kinship.example");

    private static Meetup meetup() {
        Instant start = LocalDateTime.of(2027, 1, 14, 18, 0).atZone(OSLO).toInstant();
        return new Meetup(CommunityId.random(), MemberId.random(), new MeetupDetails("Café", "Coffee", "Storgata 1, Oslo",
                null, null, null, 12, false), OSLO, start, start.plus(Duration.ofHours(2)), null, NOW);
    }

    @Test
    void aScheduledDateIsConfirmed() {
        Meetup m = meetup();
        Occurrence date = m.materialise(NOW.plus(Duration.ofDays(60))).get(0);
        assertEquals("CONFIRMED", MeetupPublisher.event(IRIS, "oslo", m, date, 3, null).getString("ical:status"));
    }

    @Test
    void aCancelledDateIsCancelledAndStillCounts() {
        Meetup m = meetup();
        Occurrence date = m.materialise(NOW.plus(Duration.ofDays(60))).get(0);
        date.cancel(NOW);
        JsonObject event = MeetupPublisher.event(IRIS, "oslo", m, date, 3, NOW);
        assertEquals("CANCELLED", event.getString("ical:status"));
        assertEquals(3, event.getInt("participantCount"));
    }

    @Test
    void aCancelledMeetupCancelsItsDates() {
        Meetup m = meetup();
        Occurrence date = m.materialise(NOW.plus(Duration.ofDays(60))).get(0);
        m.cancel();
        assertEquals("CANCELLED", MeetupPublisher.event(IRIS, "oslo", m, date, 0, NOW).getString("ical:status"));
    }
}
