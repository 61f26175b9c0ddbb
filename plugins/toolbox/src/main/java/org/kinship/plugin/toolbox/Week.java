package org.kinship.plugin.toolbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seven days for the planner: an ISO week ({@code 2026-W48}, Monday to Sunday) or seven days from a date. */
record Week(LocalDate from, LocalDate to, String label) {
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    static Week starting(LocalDate from) {
        LocalDate to = from.plusDays(6);
        return new Week(from, to, label(from));
    }

    static Week containing(LocalDate day) {
        return starting(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** {@code 2026-W48}; years outside 2000-2199 are refused: a planner has no use for them and they only invite overflow. */
    static Week parse(String text, Refusals refusals) {
        Matcher m = ISO_WEEK.matcher(text);
        if (!m.matches()) {
            throw refusals.of("date_invalid");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        if (year < 2000 || year > 2199) {
            throw refusals.of("date_invalid");
        }
        LocalDate midYear = LocalDate.of(year, 6, 1);
        if (week < 1 || week > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(midYear).getMaximum()) {
            throw refusals.of("date_invalid");
        }
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return starting(monday);
    }

    static Week parseFrom(String text, Refusals refusals) {
        LocalDate from = Fields.date(text, refusals);
        if (from.getYear() < 2000 || from.getYear() > 2199) {
            throw refusals.of("date_invalid");
        }
        return starting(from);
    }

    private static String label(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
