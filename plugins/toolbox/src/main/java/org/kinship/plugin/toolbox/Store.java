package org.kinship.plugin.toolbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The toolbox's SQL, one method per question, all on a connection the caller's transaction owns. Every
 * statement names the community, and every personal statement the owner, so a row of one member or
 * community can never answer for another. Table and column names come only from {@link ItemKind}
 * constants; every value is a parameter.
 */
final class Store {
    private static final String UNIQUE_VIOLATION = "23505";

    /** A personal or curated row as found: its owner ({@code null} for curated) and its JSON. */
    record Found(String ownerId, JsonObject item) {
    }

    /** One item shared with a member. */
    record ShareRef(String kind, String itemId, String ownerId) {
    }

    private final Connection c;

    Store(Connection connection) {
        this.c = connection;
    }

    static void addNullable(JsonObjectBuilder out, String name, String value) {
        if (value == null) {
            out.addNull(name);
        } else {
            out.add(name, value);
        }
    }

    private static LocalDateTime utc(Instant now) {
        return LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    String insert(ItemKind kind, String communityId, String ownerId, Object[] values, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        List<String> cols = new ArrayList<>(List.of("id", "community_id"));
        List<Object> params = new ArrayList<>(List.of(id, communityId));
        if (kind.personal()) {
            cols.add("owner_id");
            params.add(ownerId);
        }
        cols.addAll(kind.columns());
        params.addAll(java.util.Arrays.asList(values));
        cols.addAll(List.of("version", "created_at", "updated_at"));
        params.addAll(List.of(1, utc(now), utc(now)));
        String sql = "insert into " + kind.table() + " (" + String.join(", ", cols) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            st.executeUpdate();
        }
        return id;
    }

    /** Changes a row if it is at {@code version}; returns false when it is not (changed meanwhile, or gone). */
    boolean update(ItemKind kind, String communityId, String id, int version, Object[] values, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder("update ").append(kind.table()).append(" set ");
        for (String col : kind.columns()) {
            sql.append(col).append(" = ?, ");
        }
        sql.append("version = version + 1, updated_at = ? where id = ? and community_id = ? and version = ?");
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
        params.addAll(List.of(utc(now), id, communityId, version));
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            bind(st, params);
            return st.executeUpdate() == 1;
        }
    }

    Optional<Found> find(ItemKind kind, String communityId, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select * from " + kind.table() + " where id = ? and community_id = ?")) {
            bind(st, List.of(id, communityId));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Found(kind.personal() ? rs.getString("owner_id") : null, json(kind, rs)));
            }
        }
    }

    /** A member's items of one kind, or a community's curated ones ({@code ownerId} ignored). */
    List<JsonObject> list(ItemKind kind, String communityId, String ownerId) throws SQLException {
        String sql = "select * from " + kind.table() + " where community_id = ?" + (kind.personal() ? " and owner_id = ?" : "")
                + " order by " + kind.order();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, kind.personal() ? List.of(communityId, ownerId) : List.of(communityId));
            return rows(kind, st);
        }
    }

    /** A member's planned activities from {@code from} to {@code to}, both included. */
    List<JsonObject> activities(String communityId, String ownerId, LocalDate from, LocalDate to) throws SQLException {
        ItemKind kind = ItemKind.byPath("activities").orElseThrow();
        try (PreparedStatement st = c.prepareStatement("select * from toolbox_activity where community_id = ? and owner_id = ?"
                + " and on_date >= ? and on_date <= ? order by " + kind.order())) {
            bind(st, List.of(communityId, ownerId, from, to));
            return rows(kind, st);
        }
    }

    boolean delete(ItemKind kind, String communityId, String id) throws SQLException {
        if (kind.personal()) {
            try (PreparedStatement st = c.prepareStatement("delete from toolbox_share where item_kind = ? and item_id = ? and community_id = ?")) {
                bind(st, List.of(kind.path(), id, communityId));
                st.executeUpdate();
            }
        }
        try (PreparedStatement st = c.prepareStatement("delete from " + kind.table() + " where id = ? and community_id = ?")) {
            bind(st, List.of(id, communityId));
            return st.executeUpdate() == 1;
        }
    }

    /** How many items of each personal kind the member has. */
    Map<String, Integer> counts(String communityId, String ownerId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ItemKind kind : ItemKind.PERSONAL) {
            counts.put(kind.path(), count("select count(*) from " + kind.table() + " where community_id = ? and owner_id = ?", communityId, ownerId));
        }
        return counts;
    }

    int count(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, List.of(params));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ---- shares ----

    boolean isSharedWith(ItemKind kind, String itemId, String memberId) throws SQLException {
        return count("select count(*) from toolbox_share where item_kind = ? and item_id = ? and member_id = ?",
                kind.path(), itemId, memberId) > 0;
    }

    /** The members an item is shared with, oldest share first. */
    List<String> sharedWith(ItemKind kind, String itemId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select member_id from toolbox_share where item_kind = ? and item_id = ?"
                + " order by created_at, member_id")) {
            bind(st, List.of(kind.path(), itemId));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** Shares an item; sharing it again with the same member changes nothing. */
    void share(ItemKind kind, String communityId, String itemId, String ownerId, String memberId, Instant now) throws SQLException {
        if (isSharedWith(kind, itemId, memberId)) {
            return;
        }
        // The primary key settles a race between two identical shares; a savepoint keeps the transaction
        // usable on PostgreSQL after the loser's unique violation (none is needed, nor allowed, outside one).
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement st = c.prepareStatement("insert into toolbox_share (community_id, item_kind, item_id, owner_id, member_id, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
            bind(st, List.of(communityId, kind.path(), itemId, ownerId, memberId, utc(now)));
            st.executeUpdate();
            if (before != null) {
                c.releaseSavepoint(before);
            }
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            if (before != null) {
                c.rollback(before);
            }
        }
    }

    boolean unshare(ItemKind kind, String itemId, String memberId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from toolbox_share where item_kind = ? and item_id = ? and member_id = ?")) {
            bind(st, List.of(kind.path(), itemId, memberId));
            return st.executeUpdate() > 0;
        }
    }

    /** What has been shared with a member in a community, newest share first. */
    List<ShareRef> sharedWithMember(String communityId, String memberId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select item_kind, item_id, owner_id from toolbox_share"
                + " where community_id = ? and member_id = ? order by created_at desc, item_id")) {
            bind(st, List.of(communityId, memberId));
            List<ShareRef> refs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    refs.add(new ShareRef(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return refs;
        }
    }

    // ---- deletion on the platform's events ----

    /** Everything a member owns in a community, every share of it, and every share given to them. */
    void deleteMember(String communityId, String memberId) throws SQLException {
        update("delete from toolbox_share where community_id = ? and (owner_id = ? or member_id = ?)", communityId, memberId, memberId);
        for (ItemKind kind : ItemKind.PERSONAL) {
            update("delete from " + kind.table() + " where community_id = ? and owner_id = ?", communityId, memberId);
        }
    }

    /** Shares given to a member who left: access ends with membership; a member who comes back is asked again. */
    void deleteSharesTo(String communityId, String memberId) throws SQLException {
        update("delete from toolbox_share where community_id = ? and member_id = ?", communityId, memberId);
    }

    void deleteCommunity(String communityId) throws SQLException {
        update("delete from toolbox_share where community_id = ?", communityId);
        for (ItemKind kind : ItemKind.PERSONAL) {
            update("delete from " + kind.table() + " where community_id = ?", communityId);
        }
        for (ItemKind kind : ItemKind.CURATED) {
            update("delete from " + kind.table() + " where community_id = ?", communityId);
        }
    }

    private int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, List.of(params));
            return st.executeUpdate();
        }
    }

    // ---- rows to JSON ----

    private static List<JsonObject> rows(ItemKind kind, PreparedStatement st) throws SQLException {
        List<JsonObject> items = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                items.add(json(kind, rs));
            }
        }
        return items;
    }

    private static JsonObject json(ItemKind kind, ResultSet rs) throws SQLException {
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("id", rs.getString("id"))
                .add("kind", kind.path());
        kind.write(rs, out);
        return out.add("version", rs.getInt("version"))
                .add("createdAt", instant(rs, "created_at"))
                .add("updatedAt", instant(rs, "updated_at"))
                .build();
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC).toString();
    }

    private static void bind(PreparedStatement st, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == null) {
                st.setNull(i + 1, java.sql.Types.NULL);
            } else {
                st.setObject(i + 1, p);
            }
        }
    }
}
