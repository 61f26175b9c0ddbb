package org.kinship.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.kinship.platform.text.Markdown;
import org.kinship.platform.text.RenderedText;

/**
 * Demo chat rooms for the one-command start: in each demo community a public evening café and a
 * restricted room for parents and carers with two members, each with a few messages. Messages are
 * numbered 1, 2, 3 … and the room's {@code last_seq} is the last of them, as the chat itself keeps it.
 */
public class DemoChat extends DemoMigration {
    private final Markdown markdown = new Markdown();

    public DemoChat() {
        super("3", "demo chat");
    }

    /** One message of a demo conversation: who wrote it (an account) and what. */
    private record Line(UUID account, String body) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);

        UUID storby = one(db, "select id from community where slug = ?", "storby");
        room(db, storby, "Evening café", "PUBLIC", List.of(), start, List.of(
                new Line(DemoCommunities.MODERATOR, "Good evening, everyone. The café is open: come in, say hello, or just read along."),
                new Line(DemoCommunities.ADA, "Hi all. Long day, but I went for a **short walk** after dinner."),
                new Line(DemoCommunities.CAI, "That counts! I managed to call my sister today, first time in weeks."),
                new Line(DemoCommunities.ADA, "That’s a big one. How did it go?")));
        room(db, storby, "Parents and carers", "RESTRICTED", List.of(DemoCommunities.ADA, DemoCommunities.CAI), start.plusMinutes(30),
                List.of(
                        new Line(DemoCommunities.CAI, "Does anyone else find the school meetings hard to sit through?"),
                        new Line(DemoCommunities.ADA, "Every time. I write my questions down beforehand now; it helps a little.")));

        UUID fjordvik = one(db, "select id from community where slug = ?", "fjordvik");
        room(db, fjordvik, "Kveldskafé", "PUBLIC", List.of(), start, List.of(
                new Line(DemoCommunities.MODERATOR, "God kveld! Kafeen er åpen: si hei, eller bare les med."),
                new Line(DemoCommunities.BO, "Hei. Jeg har hatt en *grei* dag, for en gangs skyld."),
                new Line(DemoCommunities.ADA, "Så fint å høre, Bo.")));
        room(db, fjordvik, "Foreldre og pårørende", "RESTRICTED", List.of(DemoCommunities.ADA, DemoCommunities.BO),
                start.plusMinutes(30), List.of(
                        new Line(DemoCommunities.BO, "Er det noen som har erfaring med pårørendesamtaler på DPS?"),
                        new Line(DemoCommunities.ADA, "Ja, jeg var på en i vår. Spør gjerne!")));
    }

    /** A room with its members (restricted rooms only) and its messages, a minute apart. */
    private void room(Connection db, UUID community, String name, String kind, List<UUID> members, OffsetDateTime at,
                      List<Line> lines) throws SQLException {
        UUID room = UUID.randomUUID();
        try (PreparedStatement st = db.prepareStatement("insert into chat_room (id, community_id, name, kind, direct_key,"
                + " slow_mode_seconds, last_seq, created_at) values (?, ?, ?, ?, null, 0, ?, ?)")) {
            st.setObject(1, room);
            st.setObject(2, community);
            st.setString(3, name);
            st.setString(4, kind);
            st.setLong(5, lines.size());
            st.setObject(6, at);
            st.executeUpdate();
        }
        for (UUID account : members) {
            try (PreparedStatement st = db.prepareStatement("insert into chat_room_member (id, room_id, member_id, status,"
                    + " last_read_seq, muted_until, added_at, version) values (?, ?, ?, 'ACTIVE', 0, null, ?, 0)")) {
                st.setObject(1, UUID.randomUUID());
                st.setObject(2, room);
                st.setObject(3, member(db, community, account));
                st.setObject(4, at);
                st.executeUpdate();
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            RenderedText rendered = markdown.render(line.body());
            try (PreparedStatement st = db.prepareStatement("insert into chat_message (id, room_id, community_id, seq, author_id,"
                    + " client_id, body_source, body_html, body_text, crisis_flag, created_at, edited_at, deleted_at,"
                    + " deleted_by_moderator, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, null, null, false, 0)")) {
                st.setObject(1, UUID.randomUUID());
                st.setObject(2, room);
                st.setObject(3, community);
                st.setLong(4, i + 1);
                st.setObject(5, member(db, community, line.account()));
                st.setString(6, "demo-" + (i + 1));
                st.setString(7, line.body());
                st.setString(8, rendered.html());
                st.setString(9, rendered.plainText());
                st.setObject(10, at.plusMinutes(i + 1));
                st.executeUpdate();
            }
        }
    }

    private static UUID member(Connection db, UUID community, UUID account) throws SQLException {
        return one(db, "select id from membership where community_id = ? and account_id = ?", community, account);
    }
}
