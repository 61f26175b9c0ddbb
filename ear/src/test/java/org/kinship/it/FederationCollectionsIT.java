package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.activityGet;
import static org.kinship.it.support.Federating.groupId;
import static org.kinship.it.support.Federating.mode;
import static org.kinship.it.support.Federating.followedBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.FakePeer;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;

/**
 * What a peer backfills from: a shared thread's FEP-7888 context (every post the thread shows, in order, paged)
 * and a community group's outbox (the Announce of each recently shared thread, with the ids its followers got
 * live). Nothing un-shared, hidden, in a circle or in a community with federation off is ever listed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationCollectionsIT {
    /** The server's default page size: the test writes one page and a bit more. */
    private static final int PAGE_SIZE = 50;

    @RegisterExtension
    static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aSharedThreadsContextListsItsVisiblePostsInOrderPageByPage() {
        ForumFixtures f = ForumFixtures.create("col-context");
        mode(f.slug, "open");
        String threadId = f.thread(Tokens.ADA, "Sleep diaries", "Writing it down helped me see patterns.").getString("threadId");
        share(f, threadId, true);
        URI threadIri = URI.create(Api.baseUrl() + "/ap/threads/" + threadId);

        List<String> expected = new ArrayList<>();
        expected.add(threadIri.toString());
        String hiddenReply = null;
        for (int i = 1; i <= PAGE_SIZE; i++) {
            String replyId = f.reply(i % 2 == 0 ? Tokens.ADA : Tokens.BO, threadId, "Reply number " + i)
                    .getJsonObject("post").getString("id");
            if (i == 2) {
                hiddenReply = replyId;
            } else {
                expected.add(Api.baseUrl() + "/ap/posts/" + replyId);
            }
        }
        Api.Reply hidden = Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/posts/" + hiddenReply + "/hide",
                "{\"reason\": \"Off topic\"}");
        assertEquals(204, hidden.status(), hidden::toString);

        // A reply from another server is listed by the id it has there.
        FakePeer.Actor replier = peer.actor("replier-" + f.slug, "Person");
        String noteId = peer.newId("notes");
        JsonObject note = Json.createObjectBuilder().add("id", noteId).add("type", "Note")
                .add("attributedTo", replier.id().toString()).add("inReplyTo", threadIri.toString())
                .add("content", "<p>A diary app did it for me.</p>")
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                .add("audience", groupId(f.slug).toString()).build();
        JsonObject create = Json.createObjectBuilder(activity(peer.newId("creates"), "Create", replier, noteId))
                .add("object", note).build();
        HttpResponse<String> accepted = peer.post(URI.create(groupId(f.slug) + "/inbox"), create, replier);
        assertEquals(202, accepted.statusCode(), accepted::body);
        expected.add(noteId);
        assertEquals(PAGE_SIZE + 1, expected.size(), "one page and one more: " + expected.size());

        // The Page points at its context, and the context is a collection of the thread's posts.
        String contextId = activityGet(threadIri.toString()).object().getString("context");
        assertEquals(threadIri + "/context", contextId);
        JsonObject context = activityGet(contextId).object();
        assertEquals("OrderedCollection", context.getString("type"));
        assertEquals(contextId, context.getString("id"));
        assertEquals(groupId(f.slug).toString(), context.getString("attributedTo"), "the group owns the conversation");
        assertEquals(expected.size(), context.getInt("totalItems"));
        assertEquals(contextId + "?page=1", context.getString("first"));

        JsonObject first = activityGet(context.getString("first")).object();
        assertEquals("OrderedCollectionPage", first.getString("type"));
        assertEquals(contextId, first.getString("partOf"));
        assertFalse(first.containsKey("prev"));
        JsonObject second = activityGet(first.getString("next")).object();
        assertEquals(contextId + "?page=2", second.getString("id"));
        assertEquals(context.getString("first"), second.getString("prev"));
        assertFalse(second.containsKey("next"), "the last page: " + second);
        List<String> listed = new ArrayList<>(ids(first));
        assertEquals(PAGE_SIZE, listed.size());
        listed.addAll(ids(second));
        assertEquals(expected, listed, "the opening Page first, then the replies in order, the hidden one left out");
        String hiddenIri = Api.baseUrl() + "/ap/posts/" + hiddenReply;
        assertFalse(listed.contains(hiddenIri), "the hidden reply is not listed");

        // Past the end, an empty page; a page that is not a number is refused with the API's error shape.
        JsonObject beyond = activityGet(contextId + "?page=3").object();
        assertFalse(beyond.containsKey("orderedItems"), beyond::toString);
        for (String bad : new String[] {"0", "-1", "abc", "1.5", "99999999999"}) {
            Api.Reply refused = activityGet(contextId + "?page=" + bad);
            assertEquals(400, refused.status(), bad + " -> " + refused);
            assertEquals("page_invalid", refused.error());
        }
    }

    @Test
    void aContextIsNotFoundUnlessTheThreadIsSharedVisibleAndItsCommunityFederates() {
        ForumFixtures f = ForumFixtures.create("col-private");
        mode(f.slug, "open");
        String notShared = f.thread(Tokens.ADA, "Just for us", "Not for elsewhere.").getString("threadId");
        String circle = f.circle("A small circle", "Only the two of us.").getString("threadId");
        String shared = f.thread(Tokens.ADA, "For everyone", "Shared widely.").getString("threadId");
        share(f, shared, true);
        String unshared = f.thread(Tokens.ADA, "Changed my mind", "Shared, then not.").getString("threadId");
        share(f, unshared, true);
        share(f, unshared, false);
        String hiddenThread = f.thread(Tokens.ADA, "Hidden later", "Moderators hide it.").getString("threadId");
        share(f, hiddenThread, true);
        assertEquals(204, Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/threads/" + hiddenThread
                + "/hide", "{\"reason\": \"Check first\"}").status());

        assertEquals(200, activityGet(context(shared)).status());
        assertEquals(200, activityGet(context(shared) + "?page=1").status());
        for (String thread : List.of(notShared, circle, unshared, hiddenThread)) {
            Api.Reply r = activityGet(context(thread));
            assertEquals(404, r.status(), thread + " -> " + r);
            assertEquals("not_found", r.error());
            assertEquals(404, activityGet(context(thread) + "?page=1").status());
        }
        assertEquals(404, activityGet(Api.baseUrl() + "/ap/threads/" + java.util.UUID.randomUUID() + "/context").status());
        assertEquals(404, activityGet(Api.baseUrl() + "/ap/threads/" + shared + "/replies").status(), "no other part");

        // The outbox lists only the shared thread.
        JsonObject outbox = activityGet(groupId(f.slug) + "/outbox").object();
        assertEquals(1, outbox.getInt("totalItems"), outbox::toString);
        assertEquals(Api.baseUrl() + "/ap/threads/" + shared, pageOf(outbox.getJsonArray("orderedItems").getJsonObject(0)).getString("id"));
        for (String thread : List.of(notShared, circle, unshared, hiddenThread)) {
            assertFalse(outbox.toString().contains(thread), thread + " leaked into " + outbox);
        }

        // With federation off, even the shared thread's context and the outbox are gone.
        mode(f.slug, "off");
        assertEquals(404, activityGet(context(shared)).status());
        assertEquals(404, activityGet(context(shared) + "?page=1").status());
        assertEquals(404, activityGet(groupId(f.slug) + "/outbox").status());
    }

    /**
     * A follower got the thread live; the outbox shows it with the same Announce and Create ids, so a peer that
     * reads both keeps one. A thread shared before anyone followed is listed too, with ids that do not change
     * from one fetch to the next. Newest first.
     */
    @Test
    void theOutboxListsRecentlySharedThreadsWithTheIdsFollowersGotLive() {
        ForumFixtures f = ForumFixtures.create("col-outbox");
        mode(f.slug, "open");
        JsonObject empty = activityGet(groupId(f.slug) + "/outbox").object();
        assertEquals("OrderedCollection", empty.getString("type"));
        assertEquals(0, empty.getInt("totalItems"));

        String early = f.thread(Tokens.ADA, "Before anyone followed", "Quiet days.").getString("threadId");
        share(f, early, true);
        f.thread(Tokens.BO, "Never shared", "Between us.");

        try (FakePeer readers = FakePeer.start("localhost")) {
            followedBy(readers, f.slug);

            String live = f.thread(Tokens.ADA, "Shared with a follower", "Hello over there.").getString("threadId");
            share(f, live, true);
            String liveIri = Api.baseUrl() + "/ap/threads/" + live;
            JsonObject got = readers.await(x -> x.type().equals("Announce")
                    && x.json().getJsonObject("object").getString("type").equals("Create")
                    && pageOf(x.json()).getString("id").equals(liveIri), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no live Announce(Create(Page)): " + readers.received())).json();

            JsonObject outbox = activityGet(groupId(f.slug) + "/outbox").object();
            assertEquals("OrderedCollection", outbox.getString("type"));
            assertEquals(groupId(f.slug) + "/outbox", outbox.getString("id"));
            assertEquals(2, outbox.getInt("totalItems"), outbox::toString);
            JsonArray items = outbox.getJsonArray("orderedItems");
            JsonObject newest = items.getJsonObject(0);
            assertEquals(got.getString("id"), newest.getString("id"), "the Announce id the follower already has");
            assertEquals(got.getJsonObject("object").getString("id"), newest.getJsonObject("object").getString("id"),
                    "the Create id the follower already has");
            assertEquals("Announce", newest.getString("type"));
            assertEquals(groupId(f.slug).toString(), newest.getString("actor"));
            assertEquals(got.getString("published"), newest.getString("published"));
            assertEquals(got.getJsonObject("object").getString("actor"), newest.getJsonObject("object").getString("actor"));
            assertEquals(liveIri, pageOf(newest).getString("id"));
            assertEquals("Shared with a follower", pageOf(newest).getString("name"));
            assertEquals(liveIri + "/context", pageOf(newest).getString("context"));

            JsonObject older = items.getJsonObject(1);
            assertEquals(Api.baseUrl() + "/ap/threads/" + early, pageOf(older).getString("id"));
            assertTrue(older.getString("id").startsWith(Api.baseUrl() + "/ap/activities/"), older::toString);
            JsonObject again = activityGet(groupId(f.slug) + "/outbox").object().getJsonArray("orderedItems").getJsonObject(1);
            assertEquals(older.getString("id"), again.getString("id"), "a thread nobody got live keeps its ids between fetches");
            assertEquals(older.getJsonObject("object").getString("id"), again.getJsonObject("object").getString("id"));

            // A reply does not make the outbox longer (it lists threads), and the Page shows its current words.
            f.reply(Tokens.BO, live, "Welcome!");
            Api.Reply edited = Api.as(Tokens.ADA).put(f.forum() + "/posts/" + openingPostId(f, live),
                    "{\"body\": \"Hello over there, edited.\"}");
            assertEquals(200, edited.status(), edited::toString);
            JsonObject afterEdit = activityGet(groupId(f.slug) + "/outbox").object();
            assertEquals(2, afterEdit.getInt("totalItems"));
            assertEquals(got.getString("id"), afterEdit.getJsonArray("orderedItems").getJsonObject(0).getString("id"));
            assertTrue(pageOf(afterEdit.getJsonArray("orderedItems").getJsonObject(0)).getString("content").contains("edited"));

            // Un-shared, it leaves the outbox; nothing private ever was in it.
            share(f, live, false);
            JsonObject afterUnshare = activityGet(groupId(f.slug) + "/outbox").object();
            assertEquals(1, afterUnshare.getInt("totalItems"));
            assertFalse(afterUnshare.toString().contains(live));
            assertFalse(afterUnshare.toString().contains("Never shared"));
            assertTrue(readers.received().stream().noneMatch(x -> new String(x.body(), StandardCharsets.UTF_8).contains("Never shared")));
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String openingPostId(ForumFixtures f, String threadId) {
        return Api.as(Tokens.ADA).get(f.forum() + "/threads/" + threadId).object().getJsonArray("posts").getJsonObject(0).getString("id");
    }

    private static JsonObject pageOf(JsonObject announce) {
        return announce.getJsonObject("object").getJsonObject("object");
    }

    private static List<String> ids(JsonObject page) {
        if (!page.containsKey("orderedItems")) {
            return List.of();
        }
        return page.getJsonArray("orderedItems").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String context(String threadId) {
        return Api.baseUrl() + "/ap/threads/" + threadId + "/context";
    }

    private static void share(ForumFixtures f, String threadId, boolean shared) {
        Api.Reply r = Api.as(Tokens.ADA).put(f.forum() + "/threads/" + threadId + "/sharing", "{\"shared\": " + shared + "}");
        assertEquals(200, r.status(), r::toString);
    }

    private static JsonObject activity(String id, String type, FakePeer.Actor actor, String object) {
        return Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", id).add("type", type).add("actor", actor.id().toString()).add("object", object)
                .build();
    }
}
