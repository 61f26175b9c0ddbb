package org.kinship.platform.meetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

class MeetupCalendarTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant NOW = Instant.parse("2027-01-01T12:00:00Z");

    @Test
    void aFeedParsesBackWithItsTimeZoneUidsAndLocalTimes() throws Exception {
        Instant start = LocalDateTime.of(2027, 2, 28, 18, 0).atZone(OSLO).toInstant();
        Meetup m = new Meetup(CommunityId.random(), MemberId.random(),
                new MeetupDetails("Sunday café; bring a friend", "Coffee, tea, talk", "Storgata 1, Oslo", "https://map.example/1", null,
                        "Step-free entrance, quiet room", 12, false),
                OSLO, start, start.plus(Duration.ofHours(2)), Recurrence.of("FREQ=MONTHLY;BYDAY=-1SU",
                        LocalDateTime.of(2027, 2, 28, 18, 0)), NOW);
        List<Occurrence> dates = m.materialise(NOW.plus(Duration.ofDays(120)));
        List<MeetupCalendar.Entry> entries = dates.stream()
                .map(o -> new MeetupCalendar.Entry(m, o, URI.create("https://kinship.example/c/oslo/meetups/" + m.id() + "/" + o.id())))
                .toList();
        String text = MeetupCalendar.feed("Oslo meetups", "kinship.example", entries, NOW);

        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        List<VTimeZone> zones = parsed.getComponents("VTIMEZONE");
        assertEquals(1, zones.size());
        assertEquals("Europe/Oslo", zones.get(0).getTimeZoneId().getValue());
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertEquals(dates.size(), events.size());
        for (int i = 0; i < events.size(); i++) {
            VEvent e = events.get(i);
            Occurrence o = dates.get(i);
            assertEquals("meetup-" + o.id() + "@kinship.example", e.getUid().orElseThrow().getValue());
            assertTrue(e.getDateTimeStamp() != null);
            assertEquals("Europe/Oslo", e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
            Temporal s = e.getDateTimeStart().getDate();
            assertEquals(o.startsAt(), ZonedDateTime.from(s).toInstant());
            assertEquals(18, ZonedDateTime.from(s).withZoneSameInstant(OSLO).getHour());
            assertEquals("https://kinship.example/c/oslo/meetups/" + m.id() + "/" + o.id(),
                    e.getProperty(Property.URL).orElseThrow().getValue());
            assertEquals("Sunday café; bring a friend", e.getSummary().getValue());
        }
        assertFalse(text.contains("\n\n"), "no blank lines in iCalendar");
    }
}
