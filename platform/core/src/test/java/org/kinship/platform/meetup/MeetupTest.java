package org.kinship.platform.meetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.platform.meetup.MeetupAssertions.assertCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;

class MeetupTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant NOW = Instant.parse("2027-01-01T12:00:00Z");
    private static final MeetupDetails CAFE = new MeetupDetails("Café", null, "Storgata 1", null, null, "Step-free", 5, false);

    private static Meetup meetup(Instant start, Instant end, String rule) {
        return new Meetup(CommunityId.random(), MemberId.random(), CAFE, OSLO, start, end,
                rule == null ? null : Recurrence.of(rule, LocalDateTime.ofInstant(start, OSLO)), NOW);
    }

    @Test
    void timesAreChecked() {
        Instant start = NOW.plus(Duration.ofDays(3));
        assertCode(ErrorCode.END_BEFORE_START, () -> meetup(start, start.minusSeconds(3600), null));
        assertCode(ErrorCode.END_BEFORE_START, () -> meetup(start, start, null));
        assertCode(ErrorCode.START_IN_PAST, () -> meetup(NOW.minusSeconds(60), NOW.plusSeconds(3600), null));
        assertCode(ErrorCode.VALIDATION_FAILED, () -> meetup(start, start.plus(Duration.ofDays(8)), null));
    }

    @Test
    void aPlaceIsAnAddressOrAnOnlineLinkAndLinksAreHttp() {
        assertCode(ErrorCode.PLACE_REQUIRED, () -> new MeetupDetails("Café", null, null, null, null, null, null, false));
        assertCode(ErrorCode.PLACE_REQUIRED, () -> new MeetupDetails("Café", null, null, "https://map.example/1", "https://meet.example/x",
                null, null, false));
        assertCode(ErrorCode.VALIDATION_FAILED, () -> new MeetupDetails("Café", null, null, null, "javascript:alert(1)", null, null, false));
        assertCode(ErrorCode.VALIDATION_FAILED, () -> new MeetupDetails("Café", null, "Here", null, null, null, 0, false));
        assertCode(ErrorCode.TITLE_INVALID, () -> new MeetupDetails(" ", null, "Here", null, null, null, null, false));
        assertEquals("https://meet.example/x", new MeetupDetails("Online café", null, null, null, " https://meet.example/x ", null,
                null, false).onlineUrl());
    }

    @Test
    void aOneOffMeetupHasExactlyOneDateWhateverTheHorizon() {
        Instant start = NOW.plus(Duration.ofDays(400));
        Meetup m = meetup(start, start.plus(Duration.ofHours(2)), null);
        List<Occurrence> made = m.materialise(NOW.plus(Meetup.HORIZON));
        assertEquals(1, made.size());
        assertEquals(start, made.get(0).startsAt());
        assertEquals(start.plus(Duration.ofHours(2)), made.get(0).endsAt());
        assertTrue(m.materialise(NOW.plus(Duration.ofDays(1000))).isEmpty(), "never twice");
    }

    @Test
    void aSeriesIsMadeAHorizonAheadAndExtendedWithoutRepeats() {
        Instant start = LocalDateTime.of(2027, 1, 7, 18, 0).atZone(OSLO).toInstant();
        Meetup m = meetup(start, start.plus(Duration.ofHours(2)), "FREQ=MONTHLY;BYDAY=1TH");
        List<Occurrence> first = m.materialise(NOW.plus(Duration.ofDays(100)));
        assertEquals(List.of("2027-01-07", "2027-02-04", "2027-03-04", "2027-04-01"),
                first.stream().map(o -> o.startsAt().atZone(OSLO).toLocalDate().toString()).toList());
        List<Occurrence> next = m.materialise(NOW.plus(Duration.ofDays(160)));
        assertEquals(List.of("2027-05-06", "2027-06-03"),
                next.stream().map(o -> o.startsAt().atZone(OSLO).toLocalDate().toString()).toList());
        next.forEach(o -> assertEquals(18, o.startsAt().atZone(OSLO).getHour(), "18:00 local in summer time too"));
    }

    @Test
    void aCancelledDateTakesNoAnswersAndCannotMove() {
        Instant start = NOW.plus(Duration.ofDays(3));
        Occurrence o = meetup(start, start.plusSeconds(7200), null).materialise(NOW).get(0);
        o.cancel(NOW);
        assertCode(ErrorCode.MEETUP_CANCELLED, () -> o.checkOpen(NOW));
        assertCode(ErrorCode.MEETUP_CANCELLED, () -> o.moveTo(start.plusSeconds(60), start.plusSeconds(7260), NOW));
        assertCode(ErrorCode.MEETUP_OVER, () -> meetup(start, start.plusSeconds(7200), null).materialise(NOW).get(0)
                .checkOpen(start.plusSeconds(7200)));
    }
}
