package org.kinship.plugin.toolbox;

import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A planned activity: a title on a day, from a start time to an optional end, in the community's time zone. */
final class ActivityKind extends ItemKind {
    @Override
    String path() {
        return "activities";
    }

    @Override
    String table() {
        return "toolbox_activity";
    }

    @Override
    List<String> columns() {
        return List.of("title", "on_date", "start_time", "end_time", "note");
    }

    @Override
    Object[] values(Fields f) {
        String title = f.line("title", 150, true, "title_invalid");
        LocalDate day = f.date("date");
        LocalTime start = f.time("start", true);
        LocalTime end = f.time("end", false);
        if (end != null && !end.isAfter(start)) {
            throw f.refusals.of("time_invalid");
        }
        String note = f.text("note", 2000);
        return new Object[] {title, day, start, end, note};
    }

    @Override
    void write(ResultSet row, JsonObjectBuilder out) throws SQLException {
        out.add("title", row.getString("title"));
        out.add("date", row.getObject("on_date", LocalDate.class).toString());
        out.add("start", hhmm(row.getObject("start_time", LocalTime.class)));
        LocalTime end = row.getObject("end_time", LocalTime.class);
        Store.addNullable(out, "end", end == null ? null : hhmm(end));
        Store.addNullable(out, "note", row.getString("note"));
    }

    static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    @Override
    String order() {
        return "on_date, start_time, id";
    }
}
