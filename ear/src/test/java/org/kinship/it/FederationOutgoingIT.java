package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.mode;
import static org.kinship.it.support.Federating.followedBy;
import static org.kinship.it.support.Federating.follows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.federation.signature.HttpMessage;
import org.kinship.federation.signature.KeyMaterial;
import org.kinship.federation.signature.SignatureVerifier;
import org.kinship.federation.signature.VerificationKey;
import org.kinship.federation.signature.VerificationResult;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.FakePeer;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.Tokens;

/**
 * What a community sends of its own accord, beyond posts: a member's heart (Like, and Undo when taken back) where
 * the post's words already went (a thread its author shared: announced by the group; a copy of another
 * community's thread: to that community's group and the post's author), nothing from an unshared thread, a
 * circle or a community whose federation is off; and a moderator's ban of a remote author as the group's Block.
 * The other servers are {@link FakePeer}s on loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationOutgoingIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    /** How long "nothing arrives" is watched: deliveries on this machine take well under a second. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    @RegisterExtension
    static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aHeartInASharedThreadIsAnnouncedByTheGroupAndTakingItBackIsItsUndo() {
        ForumFixtures f = ForumFixtures.create("out-like");
        mode(f.slug, "open");
        try (FakePeer readers = FakePeer.start("localhost")) {
            FakePeer.Actor reader = followedBy(readers, f.slug);
            String threadId = f.thread(Tokens.ADA, "Walking helps me", "Every morning, twenty minutes.").getString("threadId");
            share(f, threadId);
            readers.await(x -> announced(x, "Create"), DELIVERY).orElseThrow(() -> new AssertionError("the thread never left"));
            String opening = postIds(f, Tokens.ADA, threadId).get(0);
            String threadIri = Api.baseUrl() + "/ap/threads/" + threadId;
            String bo = Api.baseUrl() + "/ap/members/" + f.memberId;

            heart(Tokens.BO, f, opening);
            FakePeer.Received liked = readers.await(x -> announced(x, "Like") && inner(x).getString("object").equals(threadIri),
                    DELIVERY).orElseThrow(() -> new AssertionError("no Announce(Like): " + readers.received()));
            JsonObject like = inner(liked);
            assertEquals(groupId(f.slug), liked.json().getString("actor"));
            assertEquals(bo, like.getString("actor"), "the heart is the member's, by their Person in this community");
            assertTrue(like.getString("id").startsWith(bo + "/likes/"), like::toString);
            assertEquals(groupId(f.slug), like.getString("audience"));
            verifySigned(groupId(f.slug), reader, liked);

            // Other reactions stay here.
            assertEquals(204, Api.as(Tokens.BO).put(f.forum() + "/posts/" + opening + "/reactions/HUG", "").status());

            assertEquals(204, Api.as(Tokens.BO).delete(f.forum() + "/posts/" + opening + "/reactions/HEART").status());
            FakePeer.Received undone = readers.await(x -> announced(x, "Undo")
                    && inner(x).getJsonObject("object").getString("id").equals(like.getString("id")), DELIVERY)
                    .orElseThrow(() -> new AssertionError("no Announce(Undo(Like)): " + readers.received()));
            assertEquals(bo, inner(undone).getString("actor"));
            assertEquals("Like", inner(undone).getJsonObject("object").getString("type"));
            assertEquals(threadIri, inner(undone).getJsonObject("object").getString("object"));
            verifySigned(groupId(f.slug), reader, undone);

            // Hearted again: a new Like (peers drop an id they have seen), and a reply is liked by its own id.
            heart(Tokens.BO, f, opening);
            String reply = f.reply(Tokens.ADA, threadId, "Evenings too.").getJsonObject("post").getString("id");
            heart(Tokens.BO, f, reply);
            List<JsonObject> likes = awaitCount(readers, x -> announced(x, "Like"), 3).stream()
                    .map(FederationOutgoingIT::inner).toList();
            assertEquals(2, likes.stream().filter(l -> l.getString("object").equals(threadIri)).map(l -> l.getString("id"))
                    .distinct().count(), () -> "the second heart is a Like of its own: " + likes);
            assertTrue(likes.stream().anyMatch(l -> l.getString("object").equals(Api.baseUrl() + "/ap/posts/" + reply)),
                    () -> "the reply's Like: " + likes);
            sleep(QUIET);
            assertEquals(3, readers.received().stream().filter(x -> announced(x, "Like")).count(), "one Like per heart, no HUG");

            // Hidden by our moderators: a heart given in it now stays here (a Like would point at what left).
            String thread = "/api/communities/" + f.slug + "/moderation/threads/" + threadId;
            assertEquals(204, Api.as(Tokens.MODERATOR).post(thread + "/hide", "{\"reason\": \"Off topic\"}").status());
            String likesOfReply = "select count(*) from outbox_activity where body like '%\"Like\"%' and body like ?";
            long before = Postgres.count(likesOfReply, "%/ap/posts/" + reply + "%");
            heart(Tokens.COMMUNITY_ADMIN, f, reply);
            sleep(QUIET);
            assertEquals(before, Postgres.count(likesOfReply, "%/ap/posts/" + reply + "%"), "no Like stored for the hidden thread");
            assertEquals(3, readers.received().stream().filter(x -> announced(x, "Like")).count());
            assertEquals(204, Api.as(Tokens.MODERATOR).post(thread + "/restore", "{\"reason\": \"Back\"}").status());
            assertEquals(2, reactions(f, Tokens.BO, threadId, reply), "the admin's heart counts here");

            // Federation off: the moderator's heart stays here, and no outbox row was even written for it.
            mode(f.slug, "off");
            heart(Tokens.MODERATOR, f, reply);
            sleep(QUIET);
            String mona = "/ap/members/" + f.moderatorId + "/likes/";
            assertTrue(readers.received().stream().noneMatch(x -> body(x).contains(mona)), () -> "sent: " + readers.received());
            assertEquals(0, Postgres.count("select count(*) from outbox_activity where body like ?", "%" + mona + "%"));
            assertEquals(3, reactions(f, Tokens.BO, threadId, reply), "all three hearts count here");
        }
    }

    @Test
    void aHeartInAThreadNobodySharedOrInACircleNeverLeaves() {
        ForumFixtures f = ForumFixtures.create("out-quiet");
        mode(f.slug, "open");
        try (FakePeer readers = FakePeer.start("localhost")) {
            followedBy(readers, f.slug);
            String threadId = f.thread(Tokens.ADA, "Just for us", "Not for elsewhere.").getString("threadId");
            String circleId = f.circle("A closed circle", "Only us two.").getString("threadId");
            String opening = postIds(f, Tokens.ADA, threadId).get(0);
            String circleOpening = postIds(f, Tokens.ADA, circleId).get(0);
            heart(Tokens.BO, f, opening);
            heart(Tokens.PROVIDER, f, circleOpening);
            assertEquals(1, reactions(f, Tokens.BO, threadId, opening), "the heart counts here");
            assertEquals(1, reactions(f, Tokens.ADA, circleId, circleOpening));

            sleep(QUIET);
            for (String id : List.of(threadId, circleId, opening, circleOpening)) {
                assertTrue(readers.received().stream().noneMatch(x -> body(x).contains(id)), () -> id + " left: " + readers.received());
                assertEquals(0, Postgres.count("select count(*) from outbox_activity where body like ?", "%" + id + "%"),
                        id + " is in the outbox");
            }
            assertEquals(0, Postgres.count("select count(*) from outbox_activity where body like ?",
                    "%/ap/members/" + f.memberId + "/likes/%"), "no Like of Bo's was stored");
        }
    }

    @Test
    void aHeartOnACopiedThreadGoesToItsOriginGroupAndItsAuthor() {
        Following following = Following.of("out-copy");
        ForumFixtures f = following.community();
        FakePeer.Actor walkers = following.group();
        FakePeer.Actor writer = following.writer();

        String pageId = announcePage(f, walkers, writer, "Benches on the way");

        String threadId = copiedThread(f, "Benches on the way");
        String opening = postIds(f, Tokens.BO, threadId).get(0);
        String bo = Api.baseUrl() + "/ap/members/" + f.memberId;
        heart(Tokens.BO, f, opening);
        Predicate<FakePeer.Received> likeOfPage = x -> x.type().equals("Like") && x.json().getString("object").equals(pageId);
        FakePeer.Received toGroup = peer.await(likeOfPage.and(x -> x.path().equals(walkers.inbox().getPath())), DELIVERY)
                .orElseThrow(() -> new AssertionError("no Like reached the origin group: " + peer.received()));
        FakePeer.Received toAuthor = peer.await(likeOfPage.and(x -> x.path().equals(writer.inbox().getPath())), DELIVERY)
                .orElseThrow(() -> new AssertionError("no Like reached the post's author: " + peer.received()));
        JsonObject like = toGroup.json();
        assertEquals(bo, like.getString("actor"));
        assertEquals(walkers.id().toString(), like.getString("audience"));
        assertEquals(like, toAuthor.json(), "one Like, two inboxes");
        verifySigned(bo, walkers, toGroup);

        assertEquals(204, Api.as(Tokens.BO).delete(f.forum() + "/posts/" + opening + "/reactions/HEART").status());
        FakePeer.Received undo = peer.await(x -> x.path().equals(walkers.inbox().getPath()) && x.type().equals("Undo")
                && x.json().getJsonObject("object").getString("id").equals(like.getString("id")), DELIVERY)
                .orElseThrow(() -> new AssertionError("no Undo(Like) reached the origin group: " + peer.received()));
        assertEquals(bo, undo.json().getString("actor"));
        verifySigned(bo, walkers, undo);

        // The other way: a heart given at the origin, passed on by its group, is a heart on our copy; its Undo too.
        FakePeer.Actor fan = peer.actor("fan-" + f.slug, "Person");
        JsonObject theirLike = Json.createObjectBuilder().add("id", peer.newId("likes")).add("type", "Like")
                .add("actor", fan.id().toString()).add("object", pageId).add("audience", walkers.id().toString()).build();
        assertEquals(202, peer.post(URI.create(groupId(f.slug) + "/inbox"), announced(walkers, theirLike), walkers).statusCode());
        assertEquals(1, reactions(f, Tokens.BO, threadId, opening), "the origin's heart counts on the copy");
        JsonObject theirUndo = Json.createObjectBuilder().add("id", peer.newId("undos")).add("type", "Undo")
                .add("actor", fan.id().toString()).add("object", theirLike).build();
        assertEquals(202, peer.post(URI.create(groupId(f.slug) + "/inbox"), announced(walkers, theirUndo), walkers).statusCode());
        assertEquals(0, reactions(f, Tokens.BO, threadId, opening), "and its Undo takes it back");
    }

    @Test
    void theCategoryForRemoteThreadsIsFoundByWhatItIsNotByItsName() {
        Following following = Following.of("out-renamed");
        ForumFixtures f = following.community();
        FakePeer.Actor walkers = following.group();
        FakePeer.Actor writer = following.writer();
        announcePage(f, walkers, writer, "First from elsewhere");
        copiedThread(f, "First from elsewhere");
        JsonObject made = remoteCategory(f);
        assertEquals("From other communities", made.getString("name"), "named in the community's language (English)");

        Api.Reply renamed = Api.as(Tokens.COMMUNITY_ADMIN).put(f.forum() + "/categories/" + made.getString("id"),
                "{\"name\": \"Elsewhere\", \"sortOrder\": 1000, \"whoMayStart\": \"MODERATORS\"}");
        assertEquals(200, renamed.status(), renamed::toString);
        int categories = Api.as(Tokens.BO).get(f.forum() + "/categories").array().size();

        announcePage(f, walkers, writer, "Second from elsewhere");
        copiedThread(f, "Second from elsewhere");
        JsonObject after = remoteCategory(f);
        assertEquals(made.getString("id"), after.getString("id"), "the renamed category still takes them");
        assertEquals("Elsewhere", after.getString("name"));
        assertEquals(categories, Api.as(Tokens.BO).get(f.forum() + "/categories").array().size(), "no second one was made");
        assertTrue(Api.as(Tokens.BO).get(f.forum() + "/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getBoolean("fromElsewhere")).count() == 1, "one category says it holds remote threads");
    }

    @Test
    void aFollowedGroupsBanWithRemoveDataHidesThatPersonsPostsOnOurCopies() {
        Following following = Following.of("out-ban");
        ForumFixtures f = following.community();
        FakePeer.Actor walkers = following.group();
        FakePeer.Actor writer = following.writer();
        FakePeer.Actor troll = peer.actor("troll-" + f.slug, "Person");
        FakePeer.Actor mod = peer.actor("mod-" + f.slug, "Person");
        String pageId = announcePage(f, walkers, writer, "Benches, again");
        String fromTroll = announceReply(f, walkers, troll, pageId, "<p>Nobody cares.</p>");
        String fromWriter = announceReply(f, walkers, writer, pageId, "<p>The one by the mill is new.</p>");
        String threadId = copiedThread(f, "Benches, again");
        assertEquals(List.of("VISIBLE", "VISIBLE", "VISIBLE"), states(f, threadId));

        // A ban that keeps what they wrote (Mbin's, or Lemmy's without removeData) changes nothing here.
        JsonObject keep = ban(walkers, mod, troll, false);
        assertEquals(202, peer.post(URI.create(groupId(f.slug) + "/inbox"), announced(walkers, keep), walkers).statusCode());
        assertEquals(List.of("VISIBLE", "VISIBLE", "VISIBLE"), states(f, threadId));

        // A ban of another group's person, passed on by this group, is not this group's to give.
        FakePeer.Actor otherGroup = peer.actor("others-" + f.slug, "Group");
        JsonObject elsewhere = Json.createObjectBuilder(ban(walkers, mod, troll, true))
                .add("target", otherGroup.id().toString()).build();
        assertEquals(202, peer.post(URI.create(groupId(f.slug) + "/inbox"), announced(walkers, elsewhere), walkers).statusCode());
        assertEquals(List.of("VISIBLE", "VISIBLE", "VISIBLE"), states(f, threadId));

        // Lemmy's removeData: the troll's reply goes, the rest stays.
        JsonObject remove = ban(walkers, mod, troll, true);
        assertEquals(202, peer.post(URI.create(groupId(f.slug) + "/inbox"), announced(walkers, remove), walkers).statusCode());
        assertEquals(List.of("VISIBLE", "HIDDEN", "VISIBLE"), states(f, threadId), fromTroll + " hidden, " + fromWriter + " kept");
    }

    private static JsonObject ban(FakePeer.Actor group, FakePeer.Actor mod, FakePeer.Actor person, boolean removeData) {
        return Json.createObjectBuilder().add("id", peer.newId("blocks")).add("type", "Block")
                .add("actor", mod.id().toString()).add("object", person.id().toString())
                .add("target", group.id().toString()).add("audience", group.id().toString())
                .add("removeData", removeData).add("summary", "spam")
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public")).build();
    }

    /** A reply by {@code author} to {@code pageId}, announced by its Group; returns the Note's id. */
    private static String announceReply(ForumFixtures f, FakePeer.Actor group, FakePeer.Actor author, String pageId, String html) {
        String noteId = peer.newId("comments");
        JsonObject note = Json.createObjectBuilder().add("id", noteId).add("type", "Note").add("content", html)
                .add("attributedTo", author.id().toString()).add("inReplyTo", pageId).add("audience", group.id().toString())
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public")).build();
        JsonObject create = Json.createObjectBuilder().add("id", peer.newId("activities")).add("type", "Create")
                .add("actor", author.id().toString()).add("object", note).add("audience", group.id().toString())
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public")).build();
        HttpResponse<String> accepted = peer.post(URI.create(groupId(f.slug) + "/inbox"), announced(group, create), group);
        assertEquals(202, accepted.statusCode(), accepted::body);
        return noteId;
    }

    /** The state of each post of a thread, in order, as a member sees it. */
    private static List<String> states(ForumFixtures f, String threadId) {
        Api.Reply r = Api.as(Tokens.BO).get(f.forum() + "/threads/" + threadId);
        assertEquals(200, r.status(), r::toString);
        return r.object().getJsonArray("posts").getValuesAs(JsonObject.class).stream().map(p -> p.getString("state")).toList();
    }

    /**
     * A community of ours, open, whose admin follows a remote Group (the Follow has reached it; pending until it
     * accepts, and the group's announces are taken meanwhile), and a writer of that group's.
     */
    private record Following(ForumFixtures community, FakePeer.Actor group, FakePeer.Actor writer) {
        static Following of(String prefix) {
            ForumFixtures f = ForumFixtures.create(prefix);
            mode(f.slug, "open");
            FakePeer.Actor group = peer.actor("walkers-" + f.slug, "Group");
            follows(f.slug, peer, group);
            return new Following(f, group, peer.actor("writer-" + f.slug, "Person"));
        }
    }

    /** A Page by {@code writer}, announced by its Group to our community's inbox as Lemmy does; returns the Page's id. */
    private static String announcePage(ForumFixtures f, FakePeer.Actor group, FakePeer.Actor writer, String title) {
        String pageId = peer.newId("posts");
        JsonObject page = Json.createObjectBuilder().add("id", pageId).add("type", "Page").add("name", title)
                .add("content", "<p>Where to rest on a long walk.</p>").add("attributedTo", writer.id().toString())
                .add("audience", group.id().toString())
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public").add(group.id().toString()))
                .build();
        JsonObject create = Json.createObjectBuilder().add("id", peer.newId("activities")).add("type", "Create")
                .add("actor", writer.id().toString()).add("object", page).add("audience", group.id().toString())
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public")).build();
        HttpResponse<String> accepted = peer.post(URI.create(groupId(f.slug) + "/inbox"), announced(group, create), group);
        assertEquals(202, accepted.statusCode(), accepted::body);
        return pageId;
    }

    private static JsonObject announced(FakePeer.Actor group, JsonObject activity) {
        return Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", peer.newId("announces")).add("type", "Announce").add("actor", group.id().toString())
                .add("object", activity).add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                .build();
    }

    @Test
    void aBanOfARemoteAuthorIsTheGroupsBlockToThemAndToItsFollowers() {
        ForumFixtures f = ForumFixtures.create("out-ban");
        mode(f.slug, "open");
        try (FakePeer readers = FakePeer.start("localhost")) {
            FakePeer.Actor reader = followedBy(readers, f.slug);
            String threadId = f.thread(Tokens.ADA, "Sleep", "What helps you sleep?").getString("threadId");
            share(f, threadId);
            String threadIri = Api.baseUrl() + "/ap/threads/" + threadId;

            FakePeer.Actor troll = peer.actor("troll-" + f.slug, "Person");
            String noteId = peer.newId("notes");
            JsonObject note = Json.createObjectBuilder().add("id", noteId).add("type", "Note")
                    .add("attributedTo", troll.id().toString()).add("inReplyTo", threadIri).add("content", "<p>Nothing helps.</p>")
                    .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                    .add("cc", Json.createArrayBuilder().add(groupId(f.slug))).add("audience", groupId(f.slug)).build();
            JsonObject create = Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                    .add("id", peer.newId("creates")).add("type", "Create").add("actor", troll.id().toString())
                    .add("object", note).add("audience", groupId(f.slug)).build();
            HttpResponse<String> accepted = peer.post(URI.create(groupId(f.slug) + "/inbox"), create, troll);
            assertEquals(202, accepted.statusCode(), accepted::body);
            JsonObject remote = Api.as(Tokens.MODERATOR).get(f.forum() + "/threads/" + threadId).object().getJsonArray("posts")
                    .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("author").startsWith("troll-"))
                    .findFirst().orElseThrow(() -> new AssertionError("the remote reply is not in the thread"));

            Api.Reply banned = Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/members/"
                    + remote.getString("authorId") + "/ban", "{\"reason\": \"Keeps discouraging people\"}");
            assertEquals(204, banned.status(), banned::toString);

            FakePeer.Received announced = readers.await(x -> announced(x, "Block"), DELIVERY)
                    .orElseThrow(() -> new AssertionError("no Announce(Block) reached the follower: " + readers.received()));
            JsonObject block = inner(announced);
            assertEquals(groupId(f.slug), block.getString("actor"));
            assertEquals(troll.id().toString(), block.getString("object"));
            assertEquals(groupId(f.slug), block.getString("target"));
            assertFalse(block.containsKey("summary"), "the moderator's reason stays here");
            verifySigned(groupId(f.slug), reader, announced);

            FakePeer.Received told = peer.await(x -> x.path().equals(troll.inbox().getPath()) && x.type().equals("Block"), DELIVERY)
                    .orElseThrow(() -> new AssertionError("the banned author was not told: " + peer.received()));
            assertEquals(troll.id().toString(), told.json().getString("object"));
            verifySigned(groupId(f.slug), troll, told);

            // From now on their words are refused here.
            JsonObject again = Json.createObjectBuilder(create).add("id", peer.newId("creates"))
                    .add("object", Json.createObjectBuilder(note).add("id", peer.newId("notes"))).build();
            assertEquals(403, peer.post(URI.create(groupId(f.slug) + "/inbox"), again, troll).statusCode());
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String groupId(String slug) {
        return Api.baseUrl() + "/ap/communities/" + slug;
    }

    private static void share(ForumFixtures f, String threadId) {
        Api.Reply r = Api.as(Tokens.ADA).put(f.forum() + "/threads/" + threadId + "/sharing", "{\"shared\": true}");
        assertEquals(200, r.status(), r::toString);
    }

    private static void heart(String user, ForumFixtures f, String postId) {
        Api.Reply r = Api.as(user).put(f.forum() + "/posts/" + postId + "/reactions/HEART", "");
        assertEquals(204, r.status(), r::toString);
    }

    private static List<String> postIds(ForumFixtures f, String user, String threadId) {
        Api.Reply r = Api.as(user).get(f.forum() + "/threads/" + threadId);
        assertEquals(200, r.status(), r::toString);
        return r.object().getJsonArray("posts").getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    private static int reactions(ForumFixtures f, String user, String threadId, String postId) {
        JsonObject post = Api.as(user).get(f.forum() + "/threads/" + threadId).object().getJsonArray("posts")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals(postId)).findFirst().orElseThrow();
        return post.getJsonObject("reactions").getInt("HEART", 0);
    }

    /** The copy of a remote thread, found where remote threads land, by its title. */
    private static String copiedThread(ForumFixtures f, String title) {
        JsonObject category = remoteCategory(f);
        return Api.as(Tokens.BO).get(f.forum() + "/categories/" + category.getString("id") + "/threads").array()
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("title").equals(title)).findFirst()
                .map(t -> t.getString("id")).orElseThrow(() -> new AssertionError("no copy titled " + title));
    }

    private static JsonObject remoteCategory(ForumFixtures f) {
        return Api.as(Tokens.BO).get(f.forum() + "/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getBoolean("fromElsewhere")).findFirst()
                .orElseThrow(() -> new AssertionError("no remote thread arrived"));
    }

    private static boolean announced(FakePeer.Received x, String type) {
        return x.type().equals("Announce") && x.json().get("object").getValueType() == JsonValue.ValueType.OBJECT
                && inner(x).getString("type", "").equals(type);
    }

    private static JsonObject inner(FakePeer.Received x) {
        return x.json().getJsonObject("object");
    }

    private static String body(FakePeer.Received x) {
        return new String(x.body(), StandardCharsets.UTF_8);
    }

    private static List<FakePeer.Received> awaitCount(FakePeer server, Predicate<FakePeer.Received> match, int count) {
        server.await(x -> server.received().stream().filter(match).count() >= count, DELIVERY)
                .orElseThrow(() -> new AssertionError("fewer than " + count + " arrived: " + server.received()));
        return server.received().stream().filter(match).toList();
    }

    /** The request was signed with the key the actor (a local group or member) publishes. */
    private static void verifySigned(String actorId, FakePeer.Actor to, FakePeer.Received received) {
        JsonObject actor = Api.anonymous().send(Api.anonymous().builder(actorId.substring(Api.baseUrl().length()))
                .header("Accept", "application/activity+json").GET()).object();
        VerificationKey key = VerificationKey.of(KeyMaterial.publicKeyFromPem(
                actor.getJsonObject("publicKey").getString("publicKeyPem")).orElseThrow(), actorId);
        VerificationResult verified = new SignatureVerifier(keyId -> Optional.of(key), Clock.systemUTC())
                .verify(HttpMessage.request("POST", URI.create(to.id().getScheme() + "://" + to.id().getAuthority() + received.path()),
                        received.headers(), received.body()));
        assertTrue(verified.isVerified(), verified::toString);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
