package org.kinship.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.kinship.platform.text.Markdown;
import org.kinship.platform.text.RenderedText;

/** Demo forum content for the one-command start: categories and a few conversations in each demo community. */
public class DemoForum extends DemoMigration {
    private final Markdown markdown = new Markdown();

    public DemoForum() {
        super("2", "demo forum");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
        UUID storby = community(db, "storby");
        UUID everyday = category(db, storby, "Everyday life", "Work, sleep, food, the small wins", 1, "MEMBERS");
        category(db, storby, "Family and carers", "For parents, partners and friends", 2, "MEMBERS");
        UUID news = category(db, storby, "Announcements", "News from the team", 0, "MODERATORS");
        thread(db, storby, news, member(db, storby, DemoCommunities.MODERATOR), "Welcome to Storby Peer Support",
                "This is a place to talk at your own pace. **Be kind**, keep what others share here, and remember: "
                        + "this is not an emergency service. The crisis numbers are at the top of every page.",
                start, List.of());
        thread(db, storby, everyday, member(db, storby, DemoCommunities.ADA), "First week back at work",
                "It was *hard*, but I made it through the week. Small steps.", start.plusHours(5),
                List.of(member(db, storby, DemoCommunities.CAI), member(db, storby, DemoCommunities.MODERATOR)));

        UUID fjordvik = community(db, "fjordvik");
        UUID hverdag = category(db, fjordvik, "Hverdagen", "Jobb, søvn, mat og små seire", 1, "MEMBERS");
        thread(db, fjordvik, hverdag, member(db, fjordvik, DemoCommunities.BO), "Kafé på torsdag?",
                "Er det flere som kommer på kafeen torsdag? Jeg gruer meg litt til å gå alene.", start.plusHours(8),
                List.of(member(db, fjordvik, DemoCommunities.ADA)));
    }

    private void thread(Connection db, UUID community, UUID category, UUID author, String title, String body,
                        OffsetDateTime at, List<UUID> repliers) throws SQLException {
        UUID thread = UUID.randomUUID();
        try (PreparedStatement st = db.prepareStatement("insert into forum_thread (id, community_id, category_id, visibility,"
                + " title, author_id, locked, pinned, hidden, needs_welcome, created_at, last_activity_at, reply_count,"
                + " post_count, version) values (?, ?, ?, 'COMMUNITY', ?, ?, false, false, false, false, ?, ?, ?, ?, 0)")) {
            st.setObject(1, thread);
            st.setObject(2, community);
            st.setObject(3, category);
            st.setString(4, title);
            st.setObject(5, author);
            st.setObject(6, at);
            st.setObject(7, at.plusHours(repliers.size()));
            st.setInt(8, repliers.size());
            st.setInt(9, repliers.size() + 1);
            st.executeUpdate();
        }
        List<UUID> authors = new ArrayList<>();
        authors.add(author);
        authors.addAll(repliers);
        for (int seq = 0; seq < authors.size(); seq++) {
            String text = seq == 0 ? body : REPLIES[seq % REPLIES.length];
            post(db, thread, community, authors.get(seq), seq, text, at.plusHours(seq));
        }
    }

    private static final String[] REPLIES = {"", "Well done. That is not a small thing.", "Thank you for sharing this 💛"};

    private void post(Connection db, UUID thread, UUID community, UUID author, int seq, String source, OffsetDateTime at)
            throws SQLException {
        RenderedText rendered = markdown.render(source);
        try (PreparedStatement st = db.prepareStatement("insert into forum_post (id, thread_id, community_id, author_id, seq,"
                + " body_source, body_html, body_text, created_at, hidden, crisis_flag, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, 0)")) {
            st.setObject(1, UUID.randomUUID());
            st.setObject(2, thread);
            st.setObject(3, community);
            st.setObject(4, author);
            st.setInt(5, seq);
            st.setString(6, source);
            st.setString(7, rendered.html());
            st.setString(8, rendered.plainText());
            st.setObject(9, at);
            st.executeUpdate();
        }
    }

    private static UUID category(Connection db, UUID community, String name, String description, int order, String who)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = db.prepareStatement("insert into forum_category (id, community_id, name, description,"
                + " sort_order, who_may_start, created_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)")) {
            st.setObject(1, id);
            st.setObject(2, community);
            st.setString(3, name);
            st.setString(4, description);
            st.setInt(5, order);
            st.setString(6, who);
            st.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            st.executeUpdate();
        }
        return id;
    }

    private static UUID community(Connection db, String slug) throws SQLException {
        return one(db, "select id from community where slug = ?", slug);
    }

    private static UUID member(Connection db, UUID community, UUID account) throws SQLException {
        return one(db, "select id from membership where community_id = ? and account_id = ?", community, account);
    }
}
