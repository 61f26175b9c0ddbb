package org.kinship.plugin.crisisplan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kinship.plugin.api.PluginDatabase;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.crisisplan.PlanContent.Contact;
import org.kinship.plugin.crisisplan.PlanContent.ListKind;

/**
 * The plugin's tables, for one community. The only class here that writes SQL; every value is a statement
 * parameter. Each method runs in a transaction of its own, or joins the caller's when called inside
 * {@link PluginDatabase#inTransaction}, which is how a read and the view it records commit together.
 */
final class PlanStore {
    /** Unique violation: the same SQLSTATE on PostgreSQL and H2. */
    private static final String DUPLICATE = "23505";

    private final PluginDatabase database;
    private final String communityId;

    PlanStore(PluginDatabase database, String communityId) {
        this.database = database;
        this.communityId = communityId;
    }

    /** A plan as stored. */
    record StoredPlan(PlanContent content, long version, Instant updatedAt) {
    }

    /** Someone the owner named, since when. */
    record Share(String memberId, Instant since) {
    }

    /** A plan someone shared with the asking member. */
    record SharedPlan(String ownerId, Instant since, Instant updatedAt) {
    }

    /** One read of a plan by someone else; viewer fields are null once the viewer deleted their account. */
    record View(long id, String viewerId, String viewerPseudonym, Instant viewedAt, String how) {
    }

    <T> T inTransaction(PluginDatabase.Work<T> work) {
        return database.inTransaction(work);
    }

    Optional<StoredPlan> plan(String ownerId) {
        return database.inTransaction(c -> {
            String text;
            long version;
            Instant updatedAt;
            try (PreparedStatement st = c.prepareStatement(
                    "select if_cannot_speak, version, updated_at from crisis_plan_plan where community_id = ? and owner_id = ?")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    text = rs.getString(1);
                    version = rs.getLong(2);
                    updatedAt = instant(rs, 3);
                }
            }
            Map<ListKind, List<String>> lists = new EnumMap<>(ListKind.class);
            for (ListKind k : ListKind.values()) {
                lists.put(k, new ArrayList<>());
            }
            try (PreparedStatement st = c.prepareStatement("select list_kind, line from crisis_plan_item"
                    + " where community_id = ? and owner_id = ? order by list_kind, seq")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        lists.get(ListKind.of(rs.getString(1))).add(rs.getString(2));
                    }
                }
            }
            List<Contact> contacts = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select name, relation, phone, kind from crisis_plan_contact"
                    + " where community_id = ? and owner_id = ? order by seq")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        contacts.add(new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            PlanContent content = new PlanContent(lists.get(ListKind.WARNING_SIGN), lists.get(ListKind.SELF_HELP),
                    lists.get(ListKind.OTHERS_CAN_DO), contacts, text);
            return Optional.of(new StoredPlan(content, version, updatedAt));
        });
    }

    /**
     * Replaces the owner's plan with {@code content} and returns the new version. With {@code expectedVersion}
     * (0 for "I saw no plan"), the write happens only if the stored version is still that one; the row lock
     * taken first makes two writers with the same expectation meet one at a time, so the second one loses.
     *
     * @throws PluginException 409 {@code concurrent_update} when the plan changed since the writer read it
     */
    long save(String ownerId, PlanContent content, Long expectedVersion, Instant now, String language) {
        return database.inTransaction(c -> {
            Long current = null;
            try (PreparedStatement st = c.prepareStatement("select version from crisis_plan_plan"
                    + " where community_id = ? and owner_id = ? for update")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        current = rs.getLong(1);
                    }
                }
            }
            long seen = current == null ? 0 : current;
            if (expectedVersion != null && expectedVersion != seen) {
                throw concurrent(language);
            }
            long next = seen + 1;
            if (current == null) {
                try (PreparedStatement st = c.prepareStatement("insert into crisis_plan_plan"
                        + " (community_id, owner_id, if_cannot_speak, version, updated_at) values (?, ?, ?, ?, ?)")) {
                    st.setString(1, communityId);
                    st.setString(2, ownerId);
                    st.setString(3, content.ifCannotSpeak());
                    st.setLong(4, next);
                    st.setObject(5, timestamp(now));
                    st.executeUpdate();
                } catch (SQLException e) {
                    // Two first writes at once: the other one made the row after our select saw none.
                    if (DUPLICATE.equals(e.getSQLState())) {
                        throw concurrent(language);
                    }
                    throw e;
                }
            } else {
                try (PreparedStatement st = c.prepareStatement("update crisis_plan_plan set if_cannot_speak = ?, version = ?,"
                        + " updated_at = ? where community_id = ? and owner_id = ?")) {
                    st.setString(1, content.ifCannotSpeak());
                    st.setLong(2, next);
                    st.setObject(3, timestamp(now));
                    st.setString(4, communityId);
                    st.setString(5, ownerId);
                    st.executeUpdate();
                }
                delete(c, "delete from crisis_plan_item where community_id = ? and owner_id = ?", ownerId);
                delete(c, "delete from crisis_plan_contact where community_id = ? and owner_id = ?", ownerId);
            }
            try (PreparedStatement st = c.prepareStatement("insert into crisis_plan_item"
                    + " (community_id, owner_id, list_kind, seq, line) values (?, ?, ?, ?, ?)")) {
                for (ListKind k : ListKind.values()) {
                    List<String> lines = content.list(k);
                    for (int i = 0; i < lines.size(); i++) {
                        st.setString(1, communityId);
                        st.setString(2, ownerId);
                        st.setString(3, k.key);
                        st.setInt(4, i);
                        st.setString(5, lines.get(i));
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("insert into crisis_plan_contact"
                    + " (community_id, owner_id, seq, name, relation, phone, kind) values (?, ?, ?, ?, ?, ?, ?)")) {
                List<Contact> contacts = content.contacts();
                for (int i = 0; i < contacts.size(); i++) {
                    Contact ct = contacts.get(i);
                    st.setString(1, communityId);
                    st.setString(2, ownerId);
                    st.setInt(3, i);
                    st.setString(4, ct.name());
                    st.setString(5, ct.relation());
                    st.setString(6, ct.phone());
                    st.setString(7, ct.kind());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return next;
        });
    }

    private static PluginException concurrent(String language) {
        return PluginException.conflict("concurrent_update", Words.get(language, "err.concurrent_update"));
    }

    // ---- shares ----

    boolean isShared(String ownerId, String memberId) {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select 1 from crisis_plan_share"
                    + " where community_id = ? and owner_id = ? and member_id = ?")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                st.setString(3, memberId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Names {@code memberId} as a reader of the owner's plan; false if they already were (nothing changes). */
    boolean share(String ownerId, String memberId, Instant now) {
        return database.inTransaction(c -> {
            if (isShared(ownerId, memberId)) {
                return false;
            }
            try (PreparedStatement st = c.prepareStatement("insert into crisis_plan_share"
                    + " (community_id, owner_id, member_id, since) values (?, ?, ?, ?)")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                st.setString(3, memberId);
                st.setObject(4, timestamp(now));
                st.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (DUPLICATE.equals(e.getSQLState())) {
                    return false; // the same share made at the same moment elsewhere: it exists, as the caller will say
                }
                throw e;
            }
        });
    }

    /** Takes the share away at once; false if there was none. */
    boolean unshare(String ownerId, String memberId) {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("delete from crisis_plan_share"
                    + " where community_id = ? and owner_id = ? and member_id = ?")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                st.setString(3, memberId);
                return st.executeUpdate() > 0;
            }
        });
    }

    List<Share> shares(String ownerId) {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select member_id, since from crisis_plan_share"
                    + " where community_id = ? and owner_id = ? order by since, member_id")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                List<Share> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Share(rs.getString(1), instant(rs, 2)));
                    }
                }
                return out;
            }
        });
    }

    /** The plans shared with {@code memberId} that have been written (a share of an unwritten plan shows nothing). */
    List<SharedPlan> sharedWith(String memberId) {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select s.owner_id, s.since, p.updated_at from crisis_plan_share s"
                    + " join crisis_plan_plan p on p.community_id = s.community_id and p.owner_id = s.owner_id"
                    + " where s.community_id = ? and s.member_id = ? order by p.updated_at desc, s.owner_id")) {
                st.setString(1, communityId);
                st.setString(2, memberId);
                List<SharedPlan> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SharedPlan(rs.getString(1), instant(rs, 2), instant(rs, 3)));
                    }
                }
                return out;
            }
        });
    }

    // ---- the view log ----

    void recordView(String ownerId, String viewerId, String viewerPseudonym, Instant now, String how) {
        database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into crisis_plan_view"
                    + " (community_id, owner_id, viewer_id, viewer_pseudonym, viewed_at, how) values (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                st.setString(3, viewerId);
                st.setString(4, viewerPseudonym);
                st.setObject(5, timestamp(now));
                st.setString(6, how);
                return st.executeUpdate();
            }
        });
    }

    /** The owner's view log, newest first, {@code limit} rows older than the view {@code beforeId} (null: from the newest). */
    List<View> views(String ownerId, Long beforeId, int limit) {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("select id, viewer_id, viewer_pseudonym, viewed_at, how"
                    + " from crisis_plan_view where community_id = ? and owner_id = ? and id < ?"
                    + " order by id desc fetch first " + limit + " rows only")) {
                st.setString(1, communityId);
                st.setString(2, ownerId);
                st.setLong(3, beforeId == null ? Long.MAX_VALUE : beforeId);
                List<View> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new View(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    // ---- what platform events and the admin's deletion remove ----

    /**
     * The member deleted their account: their plan, the shares they gave and were given, and their own view log
     * go. Their reads of other people's plans stay in those owners' logs, but no longer say who they were.
     */
    void forgetMember(String memberId) {
        database.inTransaction(c -> {
            delete(c, "delete from crisis_plan_item where community_id = ? and owner_id = ?", memberId);
            delete(c, "delete from crisis_plan_contact where community_id = ? and owner_id = ?", memberId);
            delete(c, "delete from crisis_plan_plan where community_id = ? and owner_id = ?", memberId);
            delete(c, "delete from crisis_plan_share where community_id = ? and owner_id = ?", memberId);
            delete(c, "delete from crisis_plan_share where community_id = ? and member_id = ?", memberId);
            delete(c, "delete from crisis_plan_view where community_id = ? and owner_id = ?", memberId);
            delete(c, "update crisis_plan_view set viewer_id = null, viewer_pseudonym = null"
                    + " where community_id = ? and viewer_id = ?", memberId);
            return null;
        });
    }

    /** The member left or was banned: nobody's plan stays shared with them; their own plan waits for their return. */
    void revokeSharesWith(String memberId) {
        database.inTransaction(c -> delete(c, "delete from crisis_plan_share where community_id = ? and member_id = ?", memberId));
    }

    void deleteCommunity() {
        database.inTransaction(c -> {
            for (String table : List.of("crisis_plan_item", "crisis_plan_contact", "crisis_plan_plan", "crisis_plan_share",
                    "crisis_plan_view")) {
                try (PreparedStatement st = c.prepareStatement("delete from " + table + " where community_id = ?")) {
                    st.setString(1, communityId);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    private int delete(Connection c, String sql, String memberId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, communityId);
            st.setString(2, memberId);
            return st.executeUpdate();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
