package org.kinship.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Builds what a test needs through the public API only, each test with communities of its own
 * (unique slugs), so no test depends on another or on the order they run in.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A community created by the platform admin, with community-admin as its first admin ("Admin of <slug>" pseudonym). */
    public static String community(String prefix, String policy) {
        String slug = uniqueSlug(prefix);
        Api.Reply created = Api.as(Tokens.PLATFORM_ADMIN).post("/api/communities", settingsJson(slug, "Test " + slug, policy));
        assertEquals(201, created.status(), created::toString);
        String token = created.object().getJsonObject("firstAdminInvitation").getString("token");
        Api.Reply joined = Api.as(Tokens.COMMUNITY_ADMIN).post("/api/communities/" + slug + "/members",
                "{\"pseudonym\": \"Host " + slug.substring(slug.length() - 8) + "\", \"invitation\": " + Api.str(token) + "}");
        assertEquals(201, joined.status(), joined::toString);
        assertEquals("ADMIN", joined.object().getString("role"));
        return slug;
    }

    public static String settingsJson(String slug, String name, String policy) {
        return "{" + (slug == null ? "" : "\"slug\": " + Api.str(slug) + ",")
                + "\"name\": " + Api.str(name) + ", \"description\": \"A community for tests\", \"language\": \"en\","
                + " \"timeZone\": \"Europe/Oslo\", \"registrationPolicy\": " + Api.str(policy) + ","
                + " \"crisisResources\": [{\"label\": \"Emergency\", \"phone\": \"112\", \"description\": \"When life is in danger\"},"
                + " {\"label\": \"Helpline\", \"phone\": \"116 123\", \"description\": \"Day and night\"}]}";
    }

    /** Joins (or applies to) a community and returns the response body. */
    public static JsonObject join(String user, String slug, String pseudonym) {
        Api.Reply r = Api.as(user).post("/api/communities/" + slug + "/members", "{\"pseudonym\": " + Api.str(pseudonym) + "}");
        if (r.status() != 201 && r.status() != 202) {
            throw new AssertionError(user + " could not join " + slug + ": " + r);
        }
        return r.object();
    }

    /** Makes a member a moderator, as the community's admin. */
    public static void promote(String slug, String memberId, String role) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/members/" + memberId + "/role",
                "{\"role\": " + Api.str(role) + "}");
        assertEquals(200, r.status(), r::toString);
    }

    /** Switches a plugin on or off for a community, as its admin does, and returns the plugin's entry. */
    public static JsonObject switchPlugin(String slug, String pluginId, boolean on) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/plugin-settings/" + pluginId,
                "{\"enabled\": " + on + "}");
        assertEquals(200, r.status(), r::toString);
        assertEquals(on, r.object().getBoolean("enabled"), r::toString);
        return r.object();
    }

    public static long memberCount(String slug) {
        return Api.anonymous().get("/api/communities/" + slug).object().getJsonNumber("memberCount").longValue();
    }
}
