package org.kinship.plugin.toolbox;

import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of thing in the toolbox: its path in the API, its table, its content columns, how a body
 * becomes column values (validated, nothing written yet) and how a row becomes JSON. The store and the
 * resource are written once against this; each kind says only what is its own.
 */
abstract class ItemKind {
    /** The personal kinds: private to their owner, shareable item by item. */
    static final List<ItemKind> PERSONAL = List.of(new GoalKind(), new ActivityKind(), new ContactKind(), new MedicationKind());
    /** The curated kinds: every member reads them, only {@code toolbox.curate} changes them. */
    static final List<ItemKind> CURATED = List.of(new ExerciseKind(), new LinkKind());

    private static final Map<String, ItemKind> BY_PATH = Map.of(
            "goals", PERSONAL.get(0), "activities", PERSONAL.get(1), "network", PERSONAL.get(2), "medications", PERSONAL.get(3),
            "exercises", CURATED.get(0), "links", CURATED.get(1));

    static Optional<ItemKind> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** The path segment, also the kind's name in shares and in JSON ({@code goals}). */
    abstract String path();

    abstract String table();

    /** The content columns, in the order {@link #values} returns them. */
    abstract List<String> columns();

    /** Validated column values for a body; throws a {@link org.kinship.plugin.api.PluginException} on bad input. */
    abstract Object[] values(Fields fields);

    /** The content of one row as JSON (the common id, version and times are added by the store). */
    abstract void write(ResultSet row, JsonObjectBuilder out) throws SQLException;

    /** ORDER BY for listings. */
    abstract String order();

    /** Whether rows belong to a member (and carry {@code owner_id}). */
    boolean personal() {
        return true;
    }
}
