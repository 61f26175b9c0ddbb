package org.kinship.plugin.toolbox;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One entry in my network map: a person or service around me, how they relate to me, how close they
 * are (1 inner, 2 middle, 3 outer circle) and how they help.
 */
final class ContactKind extends ItemKind {
    private static final Map<String, Integer> CIRCLES = Map.of("inner", 1, "middle", 2, "outer", 3);
    private static final String[] NAMES = {"", "inner", "middle", "outer"};

    @Override
    String path() {
        return "network";
    }

    @Override
    String table() {
        return "toolbox_contact";
    }

    @Override
    List<String> columns() {
        return List.of("name", "relation", "closeness", "helps");
    }

    @Override
    Object[] values(Fields f) {
        String name = f.line("name", 100, true, "name_invalid");
        String relation = f.line("relation", 100, false, "validation_failed");
        int closeness = closeness(f);
        String helps = f.text("helps", 1000);
        return new Object[] {name, relation, closeness, helps};
    }

    /** Closeness as 1-3 or as the circle's name. */
    private static int closeness(Fields f) {
        JsonValue v = f.raw("closeness");
        if (v != null && v.getValueType() == JsonValue.ValueType.STRING) {
            Integer circle = CIRCLES.get(((JsonString) v).getString());
            if (circle == null) {
                throw f.refusals.of("closeness_invalid");
            }
            return circle;
        }
        return f.integer("closeness", 1, 3, true, "closeness_invalid");
    }

    @Override
    void write(ResultSet row, JsonObjectBuilder out) throws SQLException {
        out.add("name", row.getString("name"));
        Store.addNullable(out, "relation", row.getString("relation"));
        int closeness = row.getInt("closeness");
        out.add("closeness", closeness);
        out.add("circle", NAMES[closeness]);
        Store.addNullable(out, "helps", row.getString("helps"));
    }

    @Override
    String order() {
        return "closeness, name, id";
    }
}
