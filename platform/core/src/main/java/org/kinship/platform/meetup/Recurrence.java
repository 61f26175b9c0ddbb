package org.kinship.platform.meetup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * An RFC 5545 recurrence rule ({@code FREQ=MONTHLY;BYDAY=1TH} is "first Thursday of the month"),
 * expanded in <em>local</em> time of the meetup's zone and only then turned into instants: a café at
 * 18:00 stays at 18:00 across a daylight-saving change, as people expect of a calendar. ical4j parses
 * and expands the rule; this class is the one place that knows it.
 */
public final class Recurrence {
    public static final int MAX_LENGTH = 300;
    /** More often than daily is not a meetup; it would also let one request materialise a flood of rows. */
    private static final Set<Frequency> ALLOWED = EnumSet.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);

    private final String rule;
    private final Recur<LocalDateTime> recur;

    private Recurrence(String rule, Recur<LocalDateTime> recur) {
        this.rule = rule;
        this.recur = recur;
    }

    /**
     * Parses and checks a rule as an organiser typed it (an optional {@code RRULE:} prefix is dropped).
     * The first start must be a date the rule gives: "first Thursday" starting on a Friday is a mistake
     * the organiser should hear about, not a silent extra date.
     */
    public static Recurrence of(String typed, LocalDateTime firstStart) {
        if (typed == null || typed.isBlank()) {
            throw invalid("A recurrence rule cannot be empty; leave it out for a one-off meetup.");
        }
        String rule = typed.strip();
        if (rule.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            rule = rule.substring(6);
        }
        if (rule.length() > MAX_LENGTH || rule.codePoints().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw invalid("A recurrence rule is one line of at most " + MAX_LENGTH + " characters, such as FREQ=MONTHLY;BYDAY=1TH.");
        }
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(rule.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw invalid("That is not a recurrence rule (RFC 5545), e.g. FREQ=MONTHLY;BYDAY=1TH for the first Thursday of the month.");
        }
        if (recur.getFrequency() == null || !ALLOWED.contains(recur.getFrequency())) {
            throw invalid("A meetup can repeat daily, weekly, monthly or yearly, not more often.");
        }
        Recurrence recurrence = new Recurrence(recur.toString(), recur);
        List<LocalDateTime> first;
        try {
            first = recur.getDates(firstStart, firstStart, firstStart.plusSeconds(1));
        } catch (RuntimeException e) {
            throw invalid("That recurrence rule cannot be expanded: " + "check UNTIL, COUNT and the BY parts.");
        }
        if (!first.contains(firstStart)) {
            throw invalid("The first date is not one the rule gives: choose a start that matches the rule"
                    + " (for FREQ=MONTHLY;BYDAY=1TH, a first Thursday).");
        }
        return recurrence;
    }

    /** A rule read back from the database, checked when it was stored. */
    public static Recurrence stored(String rule) {
        return new Recurrence(rule, new Recur<>(rule));
    }

    private static KinshipException invalid(String message) {
        return new KinshipException(ErrorCode.RECURRENCE_INVALID, message);
    }

    /**
     * The starts the rule gives after {@code after} and up to {@code until} (inclusive), at most
     * {@code limit} of them, for a series whose first start is {@code firstStart} in {@code zone}.
     * A local time that does not exist on a spring-forward day moves forward by the gap.
     */
    public List<Instant> starts(ZonedDateTime firstStart, Instant after, Instant until, int limit) {
        ZoneId zone = firstStart.getZone();
        LocalDateTime seed = firstStart.toLocalDateTime();
        LocalDateTime from = LocalDateTime.ofInstant(after, zone);
        LocalDateTime to = LocalDateTime.ofInstant(until, zone).plusSeconds(1);
        List<Instant> starts = new ArrayList<>();
        for (LocalDateTime local : recur.getDates(seed, from.isBefore(seed) ? seed : from, to)) {
            Instant start = ZonedDateTime.of(local, zone).toInstant();
            if (start.isAfter(after) && !start.isAfter(until)) {
                starts.add(start);
                if (starts.size() == limit) {
                    break;
                }
            }
        }
        return starts;
    }

    public String rule() {
        return rule;
    }

    @Override
    public String toString() {
        return rule;
    }
}
