package org.kinship.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A community with federation open and a forum, built through the public API on any Kinship server of the
 * run (A at {@link Api#baseUrl()}, or the {@link SecondServer}), for the tests that federate two of them. Its
 * cast: community-admin is admin, moderator a peer moderator, member-ada the author, member-bo a member and
 * member-cai a reader, each with a pseudonym of their own in this community.
 */
public final class FederatedCommunity {
    /** How long a delivery between servers may take before a test gives up on it. */
    public static final Duration DELIVERY = Duration.ofSeconds(30);

    public final String slug;
    public final String categoryId;
    public final String authorId;
    public final String memberId;
    private final String server;

    private FederatedCommunity(String server, String slug, String categoryId, String authorId, String memberId) {
        this.server = server;
        this.slug = slug;
        this.categoryId = categoryId;
        this.authorId = authorId;
        this.memberId = memberId;
    }

    /** A new community on the server at {@code apiUrl}, its federation switched to open. */
    public static FederatedCommunity create(String apiUrl, String prefix) {
        String slug = Fixtures.uniqueSlug(prefix);
        Api.Reply created = Api.as(Tokens.PLATFORM_ADMIN).on(apiUrl).post("/api/communities",
                Fixtures.settingsJson(slug, "Test " + slug, "OPEN"));
        assertEquals(201, created.status(), created::toString);
        String invitation = created.object().getJsonObject("firstAdminInvitation").getString("token");
        Api admin = Api.as(Tokens.COMMUNITY_ADMIN).on(apiUrl);
        Api.Reply joined = admin.post("/api/communities/" + slug + "/members",
                "{\"pseudonym\": \"Host\", \"invitation\": " + Api.str(invitation) + "}");
        assertEquals(201, joined.status(), joined::toString);
        String moderator = join(apiUrl, Tokens.MODERATOR, slug, "Mod Mona");
        Api.Reply promoted = admin.put("/api/communities/" + slug + "/members/" + moderator + "/role", "{\"role\": \"MODERATOR\"}");
        assertEquals(200, promoted.status(), promoted::toString);
        String ada = join(apiUrl, Tokens.ADA, slug, "Ada");
        String bo = join(apiUrl, Tokens.BO, slug, "Bo");
        join(apiUrl, Tokens.CAI, slug, "Cai");
        Api.Reply category = admin.post("/api/communities/" + slug + "/forum/categories",
                "{\"name\": \"Everyday\", \"description\": \"How it goes\", \"sortOrder\": 1}");
        assertEquals(201, category.status(), category::toString);
        Api.Reply mode = admin.put("/api/communities/" + slug + "/federation/mode", "{\"mode\": \"open\"}");
        assertEquals(200, mode.status(), mode::toString);
        return new FederatedCommunity(apiUrl, slug, category.object().getString("id"), ada, bo);
    }

    private static String join(String apiUrl, String user, String slug, String pseudonym) {
        Api.Reply r = Api.as(user).on(apiUrl).post("/api/communities/" + slug + "/members", "{\"pseudonym\": " + Api.str(pseudonym) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.object().getString("memberId");
    }

    public Api as(String user) {
        return Api.as(user).on(server);
    }

    public String forum() {
        return "/api/communities/" + slug + "/forum";
    }

    public String federation() {
        return "/api/communities/" + slug + "/federation";
    }

    /** The community's federation settings, as its admin sees them (mode, lists, following, followers). */
    public JsonObject settings() {
        Api.Reply r = as(Tokens.COMMUNITY_ADMIN).get(federation());
        assertEquals(200, r.status(), r::toString);
        return r.object();
    }

    /** The admin asks to follow a remote community ({@code slug@host:port} or its address). */
    public JsonObject follow(String target) {
        Api.Reply r = as(Tokens.COMMUNITY_ADMIN).post(federation() + "/following", "{\"target\": " + Api.str(target) + "}");
        assertEquals(200, r.status(), r::toString);
        return r.object();
    }

    /** A thread in the community's own category; returns its id. */
    public String thread(String user, String title, String body) {
        Api.Reply r = as(user).post(forum() + "/threads", "{\"categoryId\": " + Api.str(categoryId) + ", \"title\": "
                + Api.str(title) + ", \"body\": " + Api.str(body) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.object().getString("threadId");
    }

    /** Its author shares the thread beyond the community. */
    public void share(String user, String threadId) {
        Api.Reply r = as(user).put(forum() + "/threads/" + threadId + "/sharing", "{\"shared\": true}");
        assertEquals(200, r.status(), r::toString);
    }

    /** A reply; returns the new post's id. */
    public String reply(String user, String threadId, String body) {
        Api.Reply r = as(user).post(forum() + "/threads/" + threadId + "/posts", "{\"body\": " + Api.str(body) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.object().getJsonObject("post").getString("id");
    }

    /** The thread's first page as {@code user} reads it ({@code thread}, {@code posts}, ...). */
    public JsonObject read(String user, String threadId) {
        Api.Reply r = as(user).get(forum() + "/threads/" + threadId);
        assertEquals(200, r.status(), r::toString);
        return r.object();
    }

    /** A moderator removes a post. */
    public void hide(String postId, String reason) {
        Api.Reply r = as(Tokens.MODERATOR).post("/api/communities/" + slug + "/moderation/posts/" + postId + "/hide",
                "{\"reason\": " + Api.str(reason) + "}");
        assertEquals(204, r.status(), r::toString);
    }

    /** The id of the category named so, if the community has one. */
    public Optional<String> category(String name) {
        Api.Reply r = as(Tokens.CAI).get(forum() + "/categories");
        assertEquals(200, r.status(), r::toString);
        return r.array().stream().map(JsonValue::asJsonObject).filter(c -> name.equals(c.getString("name")))
                .map(c -> c.getString("id")).findFirst();
    }

    /** The threads of a category, newest activity first, as a reader sees them. */
    public JsonArray threadsIn(String categoryId) {
        Api.Reply r = as(Tokens.CAI).get(forum() + "/categories/" + categoryId + "/threads");
        assertEquals(200, r.status(), r::toString);
        return r.array();
    }

    /**
     * Asks {@code probe} again (every 200 ms) until it finds something or {@code timeout} passes: deliveries between
     * servers are asynchronous (outbox, queue, retries). The failure names what was awaited and what was last seen.
     */
    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<Object> lastSeen) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(what + ": not seen within " + timeout.toSeconds() + " s; last seen: " + lastSeen.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted", e);
            }
        }
    }
}
