package org.kinship.plugin.toolbox;

import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** An exercise the community's admins offer every member: mindfulness, coping or symptom management. */
final class ExerciseKind extends ItemKind {
    static final Set<String> KINDS = Set.of("mindfulness", "coping", "symptom_management");

    @Override
    String path() {
        return "exercises";
    }

    @Override
    String table() {
        return "toolbox_exercise";
    }

    @Override
    List<String> columns() {
        return List.of("title", "kind", "body", "minutes");
    }

    @Override
    Object[] values(Fields f) {
        String title = f.line("title", 150, true, "title_invalid");
        String kind = f.line("kind", 32, true, "kind_invalid");
        if (!KINDS.contains(kind)) {
            throw f.refusals.of("kind_invalid");
        }
        String body = f.text("body", 20000);
        if (body == null) {
            throw f.refusals.of("validation_failed");
        }
        Integer minutes = f.integer("minutes", 1, 240, false, "minutes_invalid");
        return new Object[] {title, kind, body, minutes};
    }

    @Override
    void write(ResultSet row, JsonObjectBuilder out) throws SQLException {
        out.add("title", row.getString("title"));
        out.add("kind", row.getString("kind"));
        out.add("body", row.getString("body"));
        int minutes = row.getInt("minutes");
        if (row.wasNull()) {
            out.addNull("minutes");
        } else {
            out.add("minutes", minutes);
        }
    }

    @Override
    String order() {
        return "kind, title, id";
    }

    @Override
    boolean personal() {
        return false;
    }
}
