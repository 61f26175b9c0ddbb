package org.kinship.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;

/**
 * The demo data of the one-command start: a small and a large municipality, the demo people of the
 * Keycloak realm (deploy/keycloak/kinship-realm.json, matched by their fixed subjects) and, in the
 * large one, enough invented members to feel like a city. Runs only with kinship.demo-data=true.
 */
public class DemoCommunities extends DemoMigration {
    static final UUID PLATFORM_ADMIN = subject(1);
    static final UUID COMMUNITY_ADMIN = subject(2);
    static final UUID MODERATOR = subject(3);
    static final UUID ADA = subject(4);
    static final UUID BO = subject(5);
    static final UUID CAI = subject(6);
    static final UUID PROVIDER = subject(7);
    static final int INVENTED_MEMBERS = 150;

    private static final String[] FIRST = {"Sol", "Fjell", "Hav", "Lyng", "Elv", "Bris", "Stein", "Mose", "Fjord", "Skog",
            "Vind", "Lys", "Eik", "Ask", "Bjørk", "Sky"};
    private static final String[] SECOND = {"vandrer", "drømmer", "finner", "sanger", "leser", "gjest", "venn", "hjerte",
            "ugle", "rev", "måke", "hare"};

    private static UUID subject(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    public DemoCommunities() {
        super("1", "demo communities");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (UUID s : List.of(PLATFORM_ADMIN, COMMUNITY_ADMIN, MODERATOR, ADA, BO, CAI, PROVIDER)) {
            account(db, s, s.toString(), now);
        }

        UUID small = community(db, "fjordvik", "Fjordvik likepersoner",
                "Et lite fellesskap for oss i Fjordvik kommune som har kjent psykiske helseutfordringer på kroppen, "
                        + "og for pårørende. Vi møtes på kafé første torsdag i måneden.",
                "nb", "APPROVAL", now);
        crisis(db, small, 0, "Medisinsk nødtelefon", "113", "Ved fare for liv og helse.");
        crisis(db, small, 1, "Legevakt", "116 117", "Når det haster, men ikke er livstruende.");
        crisis(db, small, 2, "Mental Helse Hjelpetelefonen", "116 123", "Døgnåpen, anonym samtale.");
        membership(db, small, COMMUNITY_ADMIN, "Kari fra foreningen", "ADMIN", "ACTIVE", now);
        membership(db, small, MODERATOR, "Lindrik", "MODERATOR", "ACTIVE", now);
        membership(db, small, ADA, "Ada", "MEMBER", "ACTIVE", now);
        membership(db, small, BO, "Bo", "MEMBER", "ACTIVE", now);
        membership(db, small, PROVIDER, "Psykiatrisk sykepleier Hanne", "PROVIDER", "ACTIVE", now);
        for (int i = 0; i < 7; i++) {
            UUID invented = invented(db, "fjordvik-" + i, now);
            membership(db, small, invented, FIRST[i] + SECOND[i], "MEMBER", "ACTIVE", now);
        }
        UUID applicant = invented(db, "fjordvik-applicant", now);
        membership(db, small, applicant, "Nyinnflyttet", "MEMBER", "PENDING", now);

        UUID large = community(db, "storby", "Storby Peer Support",
                "Peer support for people in Storby with lived experience of mental-health problems, their families and allies. "
                        + "Evening café chat every day, forums, and meetups across the city.",
                "en", "OPEN", now);
        crisis(db, large, 0, "Emergency", "112", "Police, fire and ambulance when life is in danger.");
        crisis(db, large, 1, "Medical emergency", "113", "An ambulance and emergency medical help.");
        crisis(db, large, 2, "Mental health helpline", "116 123", "Open day and night, anonymous.");
        membership(db, large, COMMUNITY_ADMIN, "Storby team lead Ola", "ADMIN", "ACTIVE", now);
        membership(db, large, MODERATOR, "Willow", "MODERATOR", "ACTIVE", now);
        membership(db, large, ADA, "Ada L", "MEMBER", "ACTIVE", now);
        membership(db, large, CAI, "Cai", "MEMBER", "ACTIVE", now);
        membership(db, large, PROVIDER, "Nurse Hanne", "PROVIDER", "ACTIVE", now);
        for (int i = 0; i < INVENTED_MEMBERS; i++) {
            UUID invented = invented(db, "storby-" + i, now);
            String name = FIRST[i % FIRST.length] + SECOND[(i / FIRST.length) % SECOND.length] + " " + (i + 1);
            membership(db, large, invented, name, "MEMBER", "ACTIVE", now);
        }
    }

    private static UUID invented(Connection db, String seed, OffsetDateTime now) throws SQLException {
        UUID id = UUID.nameUUIDFromBytes(("kinship-demo:" + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        account(db, id, "demo:" + seed, now);
        return id;
    }

    private static void account(Connection db, UUID id, String subject, OffsetDateTime now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "insert into account (id, oidc_subject, created_at) values (?, ?, ?)")) {
            st.setObject(1, id);
            st.setString(2, subject);
            st.setObject(3, now);
            st.executeUpdate();
        }
    }

    private static UUID community(Connection db, String slug, String name, String description, String language,
                                  String policy, OffsetDateTime now) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = db.prepareStatement("insert into community (id, slug, name, description, language,"
                + " time_zone, registration_policy, created_at, version) values (?, ?, ?, ?, ?, 'Europe/Oslo', ?, ?, 0)")) {
            st.setObject(1, id);
            st.setString(2, slug);
            st.setString(3, name);
            st.setString(4, description);
            st.setString(5, language);
            st.setString(6, policy);
            st.setObject(7, now);
            st.executeUpdate();
        }
        return id;
    }

    private static void crisis(Connection db, UUID community, int order, String label, String phone, String text)
            throws SQLException {
        try (PreparedStatement st = db.prepareStatement("insert into community_crisis_resource"
                + " (community_id, sort_order, label, phone, description) values (?, ?, ?, ?, ?)")) {
            st.setObject(1, community);
            st.setInt(2, order);
            st.setString(3, label);
            st.setString(4, phone);
            st.setString(5, text);
            st.executeUpdate();
        }
    }

    private static void membership(Connection db, UUID community, UUID account, String pseudonym, String role,
                                   String status, OffsetDateTime now) throws SQLException {
        var p = org.kinship.platform.community.Pseudonym.of(pseudonym);
        try (PreparedStatement st = db.prepareStatement("insert into membership (id, community_id, account_id, pseudonym,"
                + " pseudonym_key, role, status, requested_at, joined_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            st.setObject(1, UUID.randomUUID());
            st.setObject(2, community);
            st.setObject(3, account);
            st.setString(4, p.value());
            st.setString(5, p.key());
            st.setString(6, role);
            st.setString(7, status);
            st.setObject(8, now);
            st.setObject(9, "ACTIVE".equals(status) ? now : null);
            st.executeUpdate();
        }
    }
}
