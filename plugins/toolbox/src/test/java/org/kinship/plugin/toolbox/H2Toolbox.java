package org.kinship.plugin.toolbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kinship.plugin.api.CommunityInfo;
import org.kinship.plugin.api.Member;
import org.kinship.plugin.api.MemberRole;
import org.kinship.plugin.api.PluginDatabase;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.api.PluginPermission;
import org.kinship.plugin.api.PluginRequest;

/**
 * The plugin over a real H2 database with the plugin's own migration applied, and requests made the way
 * the host makes them: a community, who is asking, the members there. Not a mock of the database: the
 * SQL under test is the SQL that ships.
 */
final class H2Toolbox implements PluginDatabase {
    final Connection connection;
    final ToolboxPlugin plugin = new ToolboxPlugin();
    final CommunityInfo community;
    final Map<String, Member> members = new HashMap<>();
    Instant now = Instant.parse("2026-11-25T09:00:00Z");

    H2Toolbox(String mode) throws SQLException {
        // PostgreSQL mode with the options the demo's H2 database uses (deploy/wildfly/configure.cli).
        connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID()
                + (mode == null ? "" : ";MODE=" + mode + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
        connection.setAutoCommit(false);
        try (var st = connection.createStatement()) {
            st.execute("runscript from 'classpath:/" + plugin.migrations() + "/V1__toolbox.sql'");
        }
        connection.commit();
        community = new CommunityInfo(UUID.randomUUID().toString(), "test", "Test", "en", "Europe/Oslo", List.of());
    }

    Member member(String pseudonym, MemberRole role) {
        Member m = new Member(UUID.randomUUID().toString(), pseudonym, role);
        members.put(m.id(), m);
        return m;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource as {@code who} (null: signed out) sees it. */
    Toolbox as(Member who) {
        return new Toolbox(new Request(who, "en"));
    }

    Toolbox as(Member who, String language) {
        return new Toolbox(new Request(who, language));
    }

    long count(String table) {
        return inTransaction(c -> new Store(c).count("select count(*) from " + table));
    }

    private final class Request implements PluginRequest {
        private final Member who;
        private final String language;

        Request(Member who, String language) {
            this.who = who;
            this.language = language;
        }

        @Override
        public CommunityInfo community() {
            return community;
        }

        @Override
        public Optional<Member> member() {
            return who == null ? Optional.empty() : member(who.id());
        }

        @Override
        public Member requireMember() {
            if (who == null) {
                throw new PluginException(401, "not_authenticated", "Sign in");
            }
            return member().orElseThrow(() -> PluginException.forbidden("not_a_member", "Not a member"));
        }

        @Override
        public Optional<Member> member(String memberId) {
            return Optional.ofNullable(members.get(memberId));
        }

        @Override
        public Optional<Member> memberNamed(String pseudonym) {
            return members.values().stream().filter(m -> m.pseudonym().equalsIgnoreCase(pseudonym)).findFirst();
        }

        @Override
        public boolean has(PluginPermission permission) {
            return member().map(m -> permission.heldBy(m.role())).orElse(false);
        }

        @Override
        public Member require(PluginPermission permission) {
            Member m = requireMember();
            if (!permission.heldBy(m.role())) {
                throw PluginException.forbidden("forbidden", "Not allowed");
            }
            return m;
        }

        @Override
        public PluginDatabase database() {
            return H2Toolbox.this;
        }

        @Override
        public String language() {
            return language;
        }

        @Override
        public Instant now() {
            return now;
        }
    }
}
