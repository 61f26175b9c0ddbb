package org.kinship.plugin.toolbox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A personal goal: a title, why it matters, steps that can be ticked off, and progress. Progress comes
 * from the steps when there are any (so it can never disagree with them), otherwise from the 0-100 value
 * the member set.
 */
final class GoalKind extends ItemKind {
    static final int MAX_STEPS = 50;

    @Override
    String path() {
        return "goals";
    }

    @Override
    String table() {
        return "toolbox_goal";
    }

    @Override
    List<String> columns() {
        return List.of("title", "why", "steps", "progress");
    }

    @Override
    Object[] values(Fields f) {
        String title = f.line("title", 150, true, "title_invalid");
        String why = f.text("why", 2000);
        String steps = steps(f);
        Integer progress = f.integer("progress", 0, 100, false, "progress_invalid");
        return new Object[] {title, why, steps, progress};
    }

    private static String steps(Fields f) {
        JsonValue raw = f.raw("steps");
        JsonArrayBuilder out = Json.createArrayBuilder();
        if (raw == null) {
            return out.build().toString();
        }
        if (raw.getValueType() != JsonValue.ValueType.ARRAY || raw.asJsonArray().size() > MAX_STEPS) {
            throw f.refusals.of("steps_invalid");
        }
        for (JsonValue v : raw.asJsonArray()) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw f.refusals.of("steps_invalid");
            }
            Fields step = new Fields(v.asJsonObject(), f.refusals);
            String text = step.line("text", 300, true, "steps_invalid");
            JsonValue done = step.raw("done");
            if (done != null && done != JsonValue.TRUE && done != JsonValue.FALSE) {
                throw f.refusals.of("steps_invalid");
            }
            out.add(Json.createObjectBuilder().add("text", text).add("done", done == JsonValue.TRUE));
        }
        return out.build().toString();
    }

    @Override
    void write(ResultSet row, JsonObjectBuilder out) throws SQLException {
        out.add("title", row.getString("title"));
        Store.addNullable(out, "why", row.getString("why"));
        JsonArray steps;
        try (JsonReader r = Json.createReader(new StringReader(row.getString("steps")))) {
            steps = r.readArray();
        }
        out.add("steps", steps);
        int progress;
        if (!steps.isEmpty()) {
            long done = steps.stream().map(JsonValue::asJsonObject).filter(s -> s.getBoolean("done")).count();
            progress = (int) Math.round(done * 100.0 / steps.size());
            out.add("progressFrom", "steps");
        } else {
            int manual = row.getInt("progress");
            progress = row.wasNull() ? 0 : manual;
            out.add("progressFrom", "value");
        }
        out.add("progress", progress);
    }

    @Override
    String order() {
        return "created_at, id";
    }
}
