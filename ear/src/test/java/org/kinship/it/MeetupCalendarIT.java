package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.MeetupFixtures.OSLO;
import static org.kinship.it.support.MeetupFixtures.base;
import static org.kinship.it.support.MeetupFixtures.rsvp;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.MeetupFixtures;
import org.kinship.it.support.Tokens;

/**
 * Recurring meetups across a daylight-saving change, and the iCalendar feeds parsed back with ical4j,
 * the way a calendar program would read them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetupCalendarIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    /** The last Sunday of next month at 18:00 in Oslo: a series from there spans March or October within its horizon. */
    private static LocalDateTime lastSundayNextMonth() {
        LocalDate next = LocalDate.now(OSLO).plusMonths(1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        return next.atTime(18, 0);
    }

    private static JsonObject series(ForumFixtures f) {
        LocalDateTime first = lastSundayNextMonth();
        return MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body("Sunday café", MeetupFixtures.local(first),
                MeetupFixtures.local(first.plusHours(2)), 8, "\"recurrence\": \"FREQ=MONTHLY;BYDAY=-1SU\""));
    }

    @Test
    void aMonthlySeriesStaysAtSixInTheEveningLocalTimeAcrossADaylightSavingChange() {
        ForumFixtures f = ForumFixtures.create("dst");
        JsonObject meetup = series(f);
        assertEquals("FREQ=MONTHLY;BYDAY=-1SU", meetup.getString("recurrence"));
        List<JsonObject> dates = Api.as(Tokens.ADA).get(base(f.slug) + "?to=" + LocalDate.now(OSLO).plusDays(200))
                .array().stream().map(JsonValue::asJsonObject).toList();
        assertTrue(dates.size() >= 5, "about six months of dates: " + dates.size());
        Set<Integer> offsets = new HashSet<>();
        for (JsonObject d : dates) {
            ZonedDateTime start = Instant.parse(d.getString("start")).atZone(OSLO);
            assertEquals(DayOfWeek.SUNDAY, start.getDayOfWeek());
            assertEquals(start.toLocalDate().with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)), start.toLocalDate());
            assertEquals(18, start.getHour(), "18:00 local time: " + d);
            assertEquals(0, start.getMinute());
            assertTrue(d.getString("localStart").endsWith("T18:00"), d.toString());
            assertEquals("Europe/Oslo", d.getString("timeZone"));
            assertTrue(d.getBoolean("recurring"));
            offsets.add(start.getOffset().getTotalSeconds());
        }
        assertEquals(Set.of(3600, 7200), offsets, "the dates straddle a daylight-saving change (UTC+1 and UTC+2)");

        // Each date has its own answers.
        String first = base(f.slug) + "/" + meetup.getString("id") + "/dates/" + dates.get(0).getString("id");
        String second = base(f.slug) + "/" + meetup.getString("id") + "/dates/" + dates.get(1).getString("id");
        assertEquals("GOING", rsvp(Tokens.ADA, first, "GOING").object().getString("status"));
        assertEquals(1, Api.as(Tokens.BO).get(first).object().getInt("going"));
        assertEquals(0, Api.as(Tokens.BO).get(second).object().getInt("going"));
    }

    @Test
    void theCommunityFeedAndMyPrivateFeedParseBackWithTimeZonesUidsAndLinks() throws Exception {
        ForumFixtures f = ForumFixtures.create("ics");
        JsonObject meetup = series(f);
        JsonObject oneOff = MeetupFixtures.oneOff(f.slug, "Walk & talk; by the river", 6, null);
        List<JsonObject> dates = Api.as(Tokens.ADA).get(base(f.slug) + "?to=" + LocalDate.now(OSLO).plusDays(400))
                .array().stream().map(JsonValue::asJsonObject).toList();

        Api.Reply ics = Api.as(Tokens.ADA).send(Api.as(Tokens.ADA).builder(base(f.slug) + "/calendar.ics")
                .header("Accept", "text/calendar").GET());
        assertEquals(200, ics.status(), ics::toString);
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VTimeZone> zones = calendar.getComponents(net.fortuna.ical4j.model.Component.VTIMEZONE);
        assertEquals(List.of("Europe/Oslo"), zones.stream().map(z -> z.getTimeZoneId().getValue()).toList());
        List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        Map<String, JsonObject> byUid = dates.stream().collect(Collectors.toMap(d -> "meetup-" + d.getString("id") + "@localhost", d -> d));
        assertEquals(byUid.keySet(), events.stream().map(e -> e.getUid().orElseThrow().getValue()).collect(Collectors.toSet()),
                "one VEVENT per date, with a stable UID");
        for (VEvent e : events) {
            JsonObject d = byUid.get(e.getUid().orElseThrow().getValue());
            assertEquals("Europe/Oslo", e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
            assertEquals(Instant.parse(d.getString("start")), ZonedDateTime.from(e.getDateTimeStart().getDate()).toInstant());
            assertEquals(Instant.parse(d.getString("end")), ZonedDateTime.from(e.getDateTimeEnd().getDate()).toInstant());
            assertTrue(e.getDateTimeStamp() != null);
            assertEquals(d.getString("url"), e.getProperty(Property.URL).orElseThrow().getValue());
            assertEquals(d.getString("title"), e.getSummary().getValue());
            assertEquals("Storgata 1, Oslo", e.getLocation().getValue());
        }
        assertFalse(ics.body().contains("Ada") || ics.body().contains("Mod Mona"), "no attendee or organiser names");
        assertEquals("not_a_member", Api.as(Tokens.CAI).get(base(f.slug) + "/calendar.ics").error());

        // My private feed: what I'm going to, at a secret address a calendar program can fetch without signing in.
        String oneOffDate = base(f.slug) + "/" + oneOff.getString("id") + "/dates/" + oneOff.getJsonArray("dates").getJsonObject(0).getString("id");
        rsvp(Tokens.ADA, oneOffDate, "GOING");
        JsonObject feed = Api.as(Tokens.ADA).post(base(f.slug) + "/feed", "").object();
        String url = feed.getString("url");
        assertTrue(url.startsWith(Api.baseUrl() + "/api/calendar/") && url.endsWith(".ics"), url);
        Api.Reply mine = Api.anonymous().send(Api.anonymous().builder(url).header("Accept", "text/calendar").GET());
        assertEquals(200, mine.status(), mine::toString);
        Calendar private1 = new CalendarBuilder().build(new StringReader(mine.body()));
        List<VEvent> myEvents = private1.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertEquals(1, myEvents.size(), "only the date I'm going to");
        assertEquals("Walk & talk; by the river", myEvents.get(0).getSummary().getValue());
        assertEquals("meetup-" + oneOff.getJsonArray("dates").getJsonObject(0).getString("id") + "@localhost",
                myEvents.get(0).getUid().orElseThrow().getValue());
        assertEquals(1, private1.getComponents(net.fortuna.ical4j.model.Component.VTIMEZONE).size());

        // Cancelling my answer takes it out; regenerating the address retires the old one.
        rsvp(Tokens.ADA, oneOffDate, "NOT_GOING");
        Calendar private2 = new CalendarBuilder().build(new StringReader(Api.anonymous().get(url).body()));
        assertTrue(private2.getComponents(net.fortuna.ical4j.model.Component.VEVENT).isEmpty());
        String renewed = Api.as(Tokens.ADA).post(base(f.slug) + "/feed", "").object().getString("url");
        assertEquals("feed_not_found", Api.anonymous().get(url).error());
        assertEquals(200, Api.anonymous().send(Api.anonymous().builder(renewed).header("Accept", "text/calendar").GET()).status());
        assertEquals("feed_not_found", Api.anonymous().get("/api/calendar/" + "x".repeat(43) + ".ics").error());
        assertTrue(meetup.getString("id").length() > 0);
    }
}
