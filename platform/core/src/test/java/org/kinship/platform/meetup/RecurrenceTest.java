package org.kinship.platform.meetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kinship.platform.meetup.MeetupAssertions.assertCode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;

class RecurrenceTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void lastSundayOfTheMonthStaysAtSixInTheEveningAcrossBothDaylightSavingChanges() {
        ZonedDateTime first = ZonedDateTime.of(2027, 2, 28, 18, 0, 0, 0, OSLO);
        Recurrence rule = Recurrence.of("FREQ=MONTHLY;BYDAY=-1SU", first.toLocalDateTime());
        List<Instant> starts = rule.starts(first, first.toInstant().minusSeconds(1), first.plusMonths(9).toInstant(), 60);
        List<String> local = starts.stream().map(i -> i.atZone(OSLO).toLocalDate() + " " + i.atZone(OSLO).toLocalTime()).toList();
        assertEquals(List.of("2027-02-28 18:00", "2027-03-28 18:00", "2027-04-25 18:00", "2027-05-30 18:00", "2027-06-27 18:00",
                "2027-07-25 18:00", "2027-08-29 18:00", "2027-09-26 18:00", "2027-10-31 18:00", "2027-11-28 18:00"), local);
        // The same local time is a different UTC time in summer: 17:00Z in winter, 16:00Z in summer.
        assertEquals(Instant.parse("2027-02-28T17:00:00Z"), starts.get(0));
        assertEquals(Instant.parse("2027-03-28T16:00:00Z"), starts.get(1));
        assertEquals(Instant.parse("2027-10-31T17:00:00Z"), starts.get(8));
    }

    @Test
    void firstThursdayOfTheMonth() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 7, 18, 0);
        Recurrence rule = Recurrence.of("RRULE:FREQ=MONTHLY;BYDAY=1TH", first);
        List<Instant> starts = rule.starts(first.atZone(OSLO), first.atZone(OSLO).toInstant(),
                first.atZone(OSLO).plusMonths(3).toInstant(), 60);
        assertEquals(List.of("2027-02-04", "2027-03-04", "2027-04-01"),
                starts.stream().map(i -> i.atZone(OSLO).toLocalDate().toString()).toList(), "after the first, not including it");
        starts.forEach(i -> assertEquals(LocalTime.of(18, 0), i.atZone(OSLO).toLocalTime()));
    }

    @Test
    void aLimitCapsHowManyDatesOneExpansionMakes() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 1, 10, 0);
        Recurrence daily = Recurrence.of("FREQ=DAILY", first);
        assertEquals(5, daily.starts(first.atZone(OSLO), first.atZone(OSLO).toInstant().minusSeconds(1),
                first.atZone(OSLO).plusYears(1).toInstant(), 5).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "FREQ=NEVER", "BYDAY=1TH", "FREQ=HOURLY", "FREQ=MINUTELY;INTERVAL=5", "FREQ=MONTHLY;BYDAY=9XX",
            "FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY;BYDAY=1TH\nX-INJECT:1"})
    void invalidRulesAreRefusedWithTheirOwnCode(String rule) {
        // 2027-01-07 is a Thursday: a Friday-only rule does not give it.
        assertCode(ErrorCode.RECURRENCE_INVALID, () -> Recurrence.of(rule, LocalDateTime.of(2027, 1, 7, 18, 0)));
    }
}
