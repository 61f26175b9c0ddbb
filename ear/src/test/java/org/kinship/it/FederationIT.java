package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.activityGet;
import static org.kinship.it.support.Federating.groupId;
import static org.kinship.it.support.Federating.mode;
import static org.kinship.it.support.Federating.settings;
import static org.kinship.it.support.Federating.followedBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.federation.signature.Headers;
import org.kinship.federation.signature.HttpMessage;
import org.kinship.federation.signature.KeyMaterial;
import org.kinship.federation.signature.SignatureVerifier;
import org.kinship.federation.signature.VerificationKey;
import org.kinship.federation.signature.VerificationResult;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.FakePeer;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.Tokens;

/**
 * Federation as a community admin and a remote server meet it: off by default and invisible; switched on,
 * the community is a Group found by WebFinger, its members are Persons named only by their pseudonym; a
 * remote follow is accepted with a signed Accept; and the inbox refuses what it must, with a 4xx and a reason,
 * storing nothing. The remote server is {@link FakePeer} on loopback (the IT server allows loopback and http).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationIT {
    @RegisterExtension
    static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static String domain() {
        return URI.create(Api.baseUrl()).getAuthority();
    }

    @Test
    void aCommunityIsInvisibleToTheFediverseUntilItsAdminSwitchesFederationOn() {
        String slug = Fixtures.community("fed-off", "OPEN");
        assertEquals(404, Api.anonymous().get("/.well-known/webfinger?resource=acct:" + slug + "@" + domain()).status());
        assertEquals(404, activityGet(groupId(slug).toString()).status());
        assertEquals("off", Api.as(Tokens.COMMUNITY_ADMIN).get(settings(slug)).object().getString("mode"));

        // The server itself is always discoverable: NodeInfo and the FEP-2677 instance actor.
        JsonObject links = Api.anonymous().get("/.well-known/nodeinfo").object();
        assertTrue(links.getJsonArray("links").stream().map(JsonValue::asJsonObject)
                .anyMatch(l -> l.getString("rel").endsWith("/schema/2.1") && l.getString("href").endsWith("/nodeinfo/2.1")), links::toString);
        JsonObject nodeinfo = Api.anonymous().get("/nodeinfo/2.1").object();
        assertEquals("kinship", nodeinfo.getJsonObject("software").getString("name"));
        assertTrue(nodeinfo.getJsonArray("protocols").toString().contains("activitypub"));
        String application = links.getJsonArray("links").stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("rel").equals("https://www.w3.org/ns/activitystreams#Application"))
                .findFirst().orElseThrow().getString("href");
        JsonObject instance = activityGet(application).object();
        assertEquals("Application", instance.getString("type"));
        assertTrue(instance.getJsonObject("publicKey").getString("publicKeyPem").contains("PUBLIC KEY"));

        mode(slug, "open");
        JsonObject finger = Api.anonymous().get("/.well-known/webfinger?resource=acct:" + slug + "@" + domain()).object();
        assertEquals("acct:" + slug + "@" + domain(), finger.getString("subject"));
        String self = finger.getJsonArray("links").stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("rel").equals("self")).findFirst().orElseThrow().getString("href");
        assertEquals(groupId(slug).toString(), self);
        JsonObject group = activityGet(self).object();
        assertEquals("Group", group.getString("type"));
        assertEquals(slug, group.getString("preferredUsername"));
        assertTrue(group.getString("inbox").startsWith(Api.baseUrl()));
        assertTrue(group.getJsonObject("endpoints").getString("sharedInbox").endsWith("/ap/inbox"));
        assertEquals(self + "#main-key", group.getJsonObject("publicKey").getString("id"));

        mode(slug, "off");
        assertEquals(404, activityGet(self).status(), "switched off again, the Group is gone");
    }

    @Test
    void aMembersActorCarriesOnlyTheirPseudonymAndDiffersInEveryCommunity() {
        String first = Fixtures.community("fed-person-a", "OPEN");
        String second = Fixtures.community("fed-person-b", "OPEN");
        mode(first, "open");
        mode(second, "open");
        String inFirst = Fixtures.join(Tokens.ADA, first, "Ada North").getString("memberId");
        String inSecond = Fixtures.join(Tokens.ADA, second, "Quiet Lake").getString("memberId");

        JsonObject a = activityGet(Api.baseUrl() + "/ap/members/" + inFirst).object();
        JsonObject b = activityGet(Api.baseUrl() + "/ap/members/" + inSecond).object();
        assertEquals("Person", a.getString("type"));
        assertEquals("Ada North", a.getString("name"));
        assertEquals("Quiet Lake", b.getString("name"));
        assertNotEquals(a.getJsonObject("publicKey").getString("publicKeyPem"), b.getJsonObject("publicKey").getString("publicKeyPem"),
                "one person's actors in two communities share no key");
        assertNotEquals(a.getString("preferredUsername"), b.getString("preferredUsername"));
        // The handle is the membership's opaque number: checking for letters of the name would fail by chance
        // (a hex string holds "ada" now and then), so the test pins the opaque shape and the absence of the pseudonym.
        assertTrue(a.getString("preferredUsername").matches("m_[0-9a-f]{32}"), "the handle says nothing about the person");
        assertFalse(a.getString("preferredUsername").toLowerCase().contains("north"), "the handle is not the pseudonym");
        for (String key : a.keySet()) {
            assertTrue(java.util.Set.of("@context", "id", "type", "preferredUsername", "name", "inbox", "outbox", "followers",
                    "following", "discoverable", "endpoints", "publicKey", "published", "url").contains(key), "unexpected field " + key);
        }
        JsonObject finger = Api.anonymous().get("/.well-known/webfinger?resource=acct:" + a.getString("preferredUsername")
                + "@" + domain()).object();
        assertTrue(finger.toString().contains(a.getString("id")), finger::toString);

        // A community without federation shows none of its members.
        String closed = Fixtures.community("fed-person-c", "OPEN");
        String inClosed = Fixtures.join(Tokens.ADA, closed, "Ada Elsewhere").getString("memberId");
        assertEquals(404, activityGet(Api.baseUrl() + "/ap/members/" + inClosed).status());
    }

    @Test
    void onlyTheCommunitysAdminChangesItsFederationSettingsAndBadInputChangesNothing() {
        String slug = Fixtures.community("fed-who", "OPEN");
        String mod = Fixtures.join(Tokens.MODERATOR, slug, "Mod Mo").getString("memberId");
        Fixtures.promote(slug, mod, "MODERATOR");
        Fixtures.join(Tokens.BO, slug, "Bo Fed");
        Map<String, Function<Void, Api>> people = new LinkedHashMap<>();
        people.put("anonymous", v -> Api.anonymous());
        people.put("outsider", v -> Api.as(Tokens.CAI));
        people.put("member", v -> Api.as(Tokens.BO));
        people.put("moderator", v -> Api.as(Tokens.MODERATOR));
        int[] refused = {401, 403, 403, 403};
        int i = 0;
        for (Map.Entry<String, Function<Void, Api>> person : people.entrySet()) {
            Api api = person.getValue().apply(null);
            assertEquals(refused[i], api.get(settings(slug)).status(), person.getKey() + " reads the settings");
            assertEquals(refused[i], api.put(settings(slug) + "/mode", "{\"mode\": \"open\"}").status(), person.getKey() + " sets the mode");
            assertEquals(refused[i], api.post(settings(slug) + "/blocked", "{\"target\": \"example.org\"}").status(),
                    person.getKey() + " blocks a host");
            i++;
        }
        Api admin = Api.as(Tokens.COMMUNITY_ADMIN);
        for (String bad : new String[] {"{\"mode\": \"yes\"}", "{\"mode\": true}", "{}", "{\"mode\": null}", "[]", "", "{\"mode\": "}) {
            Api.Reply r = admin.put(settings(slug) + "/mode", bad);
            assertEquals(400, r.status(), bad + " -> " + r);
        }
        for (String bad : new String[] {"{\"target\": \"not a host!\"}", "{\"target\": \"\"}", "{\"target\": 42}",
                "{\"target\": \"https://\"}", "{\"target\": \"a@b@\"}"}) {
            Api.Reply r = admin.post(settings(slug) + "/allowed", bad);
            assertEquals(400, r.status(), bad + " -> " + r);
        }
        assertEquals("federation_target_invalid", admin.post(settings(slug) + "/allowed", "{\"target\": \"not a host!\"}").error());
        assertEquals("federation_off", admin.post(settings(slug) + "/following", "{\"target\": \"walks@example.org\"}").error());
        assertEquals(404, admin.delete(settings(slug) + "/allowed?target=example.org").status());
        JsonObject view = admin.get(settings(slug)).object();
        assertEquals("off", view.getString("mode"));
        assertEquals(0, view.getJsonArray("allowed").size());
        assertEquals(0, view.getJsonArray("blocked").size());

        mode(slug, "allow_list");
        JsonObject allowed = admin.post(settings(slug) + "/allowed", "{\"target\": \"Example.ORG\"}").object();
        assertEquals("example.org", allowed.getJsonArray("allowed").getJsonObject(0).getString("target"));
        admin.post(settings(slug) + "/allowed", "{\"target\": \"example.org\"}");
        assertEquals(1, admin.get(settings(slug)).object().getJsonArray("allowed").size(), "adding twice keeps one entry");
        assertEquals(200, admin.delete(settings(slug) + "/allowed?target=example.org").status());
        assertEquals(0, admin.get(settings(slug)).object().getJsonArray("allowed").size());
    }

    @Test
    void aRemoteFollowIsAcceptedWithAnAcceptSignedByTheGroup() throws Exception {
        String slug = Fixtures.community("fed-follow", "OPEN");
        mode(slug, "open");
        FakePeer.Actor walker = peer.actor("walker-" + slug, "Person");
        String followId = peer.newId("follows");
        JsonObject follow = activity(followId, "Follow", walker, groupId(slug).toString());
        HttpResponse<String> r = peer.post(URI.create(groupId(slug) + "/inbox"), follow, walker);
        assertEquals(202, r.statusCode(), r::body);

        FakePeer.Received accept = peer.await(x -> x.path().equals(walker.inbox().getPath()) && x.type().equals("Accept"),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Accept arrived: " + peer.received()));
        JsonObject acceptJson = accept.json();
        assertEquals(groupId(slug).toString(), acceptJson.getString("actor"));
        JsonValue object = acceptJson.get("object");
        String acceptedId = object.getValueType() == JsonValue.ValueType.STRING ? acceptJson.getString("object")
                : object.asJsonObject().getString("id");
        assertEquals(followId, acceptedId);

        // The Accept is signed by the group's key, as published in the group's actor document.
        JsonObject group = activityGet(groupId(slug).toString()).object();
        VerificationKey key = VerificationKey.of(KeyMaterial.publicKeyFromPem(
                group.getJsonObject("publicKey").getString("publicKeyPem")).orElseThrow(), groupId(slug).toString());
        VerificationResult verified = new SignatureVerifier(keyId -> Optional.of(key), Clock.systemUTC())
                .verify(HttpMessage.request("POST", walker.inbox(), accept.headers(), accept.body()));
        assertTrue(verified.isVerified(), verified::toString);

        JsonArray followers = Api.as(Tokens.COMMUNITY_ADMIN).get(settings(slug)).object().getJsonArray("followers");
        assertEquals(1, followers.size(), followers::toString);
        assertEquals(walker.id().toString(), followers.getJsonObject(0).getString("actor"));
        assertEquals("accepted", followers.getJsonObject(0).getString("state"));

        // The same Follow again (a peer's retry, signed again) changes nothing.
        HttpResponse<String> again = peer.post(URI.create(groupId(slug) + "/inbox"), follow.toString().getBytes(StandardCharsets.UTF_8),
                walker, later(), h -> h);
        assertEquals(202, again.statusCode(), again::body);
        assertEquals(1, Api.as(Tokens.COMMUNITY_ADMIN).get(settings(slug)).object().getJsonArray("followers").size());

        // Undo: the follower is gone.
        JsonObject undo = Json.createObjectBuilder(activity(peer.newId("undos"), "Undo", walker, followId))
                .add("object", follow).build();
        assertEquals(202, peer.post(URI.create(Api.baseUrl() + "/ap/inbox"), undo, walker).statusCode());
        assertEquals(0, Api.as(Tokens.COMMUNITY_ADMIN).get(settings(slug)).object().getJsonArray("followers").size());

        // Following again, then blocking the group: a server that blocks us is no follower of ours either.
        JsonObject again2 = activity(peer.newId("follows"), "Follow", walker, groupId(slug).toString());
        assertEquals(202, peer.post(URI.create(groupId(slug) + "/inbox"), again2, walker).statusCode());
        assertEquals(1, Api.as(Tokens.COMMUNITY_ADMIN).get(settings(slug)).object().getJsonArray("followers").size());
        JsonObject block = activity(peer.newId("blocks"), "Block", walker, groupId(slug).toString());
        assertEquals(202, peer.post(URI.create(Api.baseUrl() + "/ap/inbox"), block, walker).statusCode());
        assertEquals(0, Api.as(Tokens.COMMUNITY_ADMIN).get(settings(slug)).object().getJsonArray("followers").size(),
                "the Block ended the follow");
    }

    @Test
    void theInboxRefusesWhatItMustWithAReasonAndStoresNothing() {
        String slug = Fixtures.community("fed-hostile", "OPEN");
        mode(slug, "open");
        URI inbox = URI.create(groupId(slug) + "/inbox");
        FakePeer.Actor mallory = peer.actor("mallory-" + slug, "Person");
        FakePeer.Actor other = peer.actor("other-" + slug, "Person");
        JsonObject follow = activity(peer.newId("follows"), "Follow", mallory, groupId(slug).toString());
        byte[] body = follow.toString().getBytes(StandardCharsets.UTF_8);

        Map<String, HttpResponse<String>> tries = new LinkedHashMap<>();
        tries.put("unsigned:401:signature_missing", FakePeer.send(inbox, Headers.of("Content-Type", "application/activity+json"), body));
        tries.put("wrong digest:400:digest_mismatch", peer.post(inbox, body, mallory, Clock.systemUTC(),
                h -> h.replacing("Digest", "SHA-256=" + java.util.Base64.getEncoder().encodeToString(new byte[32]))));
        tries.put("two hours old:401:", peer.post(inbox, body, mallory,
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC), h -> h));
        tries.put("signed by someone else:403:key_owner_mismatch", peer.post(inbox, body, other, Clock.systemUTC(), h -> h));
        tries.put("too large:413:too_large", peer.post(inbox, new byte[300 * 1024], mallory, Clock.systemUTC(), h -> h));
        tries.put("not JSON:400:malformed_json", peer.post(inbox, "{\"type\": ".getBytes(StandardCharsets.UTF_8), mallory,
                Clock.systemUTC(), h -> h));
        tries.put("nested deeply:400:too_deep", peer.post(inbox, ("{\"a\":".repeat(100) + "1" + "}".repeat(100))
                .getBytes(StandardCharsets.UTF_8), mallory, Clock.systemUTC(), h -> h));
        tries.put("unknown type:400:unsupported_activity", peer.post(inbox, activity(peer.newId("x"), "Dance", mallory,
                groupId(slug).toString()), mallory));
        tries.put("id on another host:400:foreign_id", peer.post(inbox, activity("https://elsewhere.example/a/1", "Follow",
                mallory, groupId(slug).toString()), mallory));
        JsonObject forged = Json.createObjectBuilder().add("id", "http://127.0.0.1:1/notes/forged").add("type", "Note")
                .add("attributedTo", mallory.id().toString()).add("content", "not mine").build();
        tries.put("object claiming another server:400:validation_failed", peer.post(inbox,
                Json.createObjectBuilder(activity(peer.newId("creates"), "Create", mallory, "x")).add("object", forged).build(), mallory));
        for (Map.Entry<String, HttpResponse<String>> t : tries.entrySet()) {
            String[] expected = t.getKey().split(":");
            HttpResponse<String> r = t.getValue();
            assertEquals(Integer.parseInt(expected[1]), r.statusCode(), t.getKey() + " -> " + r.body());
            JsonObject error = Json.createReader(new java.io.StringReader(r.body())).readObject();
            assertFalse(error.getString("message").isBlank(), t.getKey());
            if (expected.length > 2) {
                assertEquals(expected[2], error.getString("error"), t.getKey());
            }
        }

        Api admin = Api.as(Tokens.COMMUNITY_ADMIN);
        admin.post(settings(slug) + "/blocked", "{\"target\": \"" + peer.host() + "\"}");
        HttpResponse<String> blocked = peer.post(inbox, follow, mallory);
        assertEquals(403, blocked.statusCode(), blocked::body);
        assertTrue(blocked.body().contains("not_allowed"), blocked::body);
        mode(slug, "allow_list");
        assertEquals(403, peer.post(inbox, follow, mallory).statusCode(), "an allow-list without the peer refuses it");

        assertEquals(0, admin.get(settings(slug)).object().getJsonArray("followers").size(), "nothing refused was stored");
        assertTrue(peer.received().stream().noneMatch(x -> x.path().equals(mallory.inbox().getPath())), "no Accept was sent");

        // The very same signed request twice is a replay; the activity under a new signature is a duplicate.
        FakePeer.Actor replayer = peer.actor("replayer-" + slug, "Person");
        String replaySlug = Fixtures.community("fed-replay", "OPEN");
        mode(replaySlug, "open");
        URI otherInbox = URI.create(groupId(replaySlug) + "/inbox");
        byte[] once = activity(peer.newId("follows"), "Follow", replayer, groupId(replaySlug).toString()).toString().getBytes(StandardCharsets.UTF_8);
        Headers[] signed = new Headers[1];
        assertEquals(202, peer.post(otherInbox, once, replayer, Clock.systemUTC(), h -> signed[0] = h).statusCode());
        HttpResponse<String> replayed = FakePeer.send(otherInbox, signed[0], once);
        assertEquals(401, replayed.statusCode(), replayed::body);
        assertTrue(replayed.body().contains("signature_replayed"), replayed::body);
        HttpResponse<String> resigned = peer.post(otherInbox, once, replayer, later(), h -> h);
        assertEquals(202, resigned.statusCode(), resigned::body);
        assertEquals(1, admin.get(settings(replaySlug)).object().getJsonArray("followers").size(), "one follower, once");

        // Allowed by name (and the host no longer blocked: a block wins), the same Follow (never stored, so not
        // a duplicate) is now accepted.
        admin.post(settings(slug) + "/allowed", "{\"target\": \"" + mallory.id() + "\"}");
        assertEquals(403, peer.post(inbox, follow, mallory).statusCode(), "the host is still blocked");
        assertEquals(200, admin.delete(settings(slug) + "/blocked?target=" + peer.host()).status());
        HttpResponse<String> allowed = peer.post(inbox, follow, mallory);
        assertEquals(202, allowed.statusCode(), allowed::body);
        assertEquals(1, admin.get(settings(slug)).object().getJsonArray("followers").size());
    }

    /**
     * FEP-1b12 from the origin's side: a follower on one server receives the thread its author shared, as the
     * group's Announce of the author's Create(Page); a reply from a second server is accepted, shown in the
     * thread under name@host and announced to the follower; a reply to a thread nobody shared is refused; a
     * moderator's removal goes out as an announced Delete; a local reply follows the same way.
     */
    @Test
    void aSharedThreadReachesFollowersAndRemoteRepliesAreAnnouncedAndRemovable() throws Exception {
        org.kinship.it.support.ForumFixtures f = org.kinship.it.support.ForumFixtures.create("fed-thread");
        mode(f.slug, "open");
        try (FakePeer readers = FakePeer.start("localhost")) {
            FakePeer.Actor reader = followedBy(readers, f.slug);
            URI groupInbox = URI.create(groupId(f.slug) + "/inbox");

            String threadId = f.thread(Tokens.ADA, "Walking helps me", "Every morning, twenty minutes.").getString("threadId");
            String privateThread = f.thread(Tokens.ADA, "Not for elsewhere", "Just for us.").getString("threadId");
            URI threadIri = URI.create(Api.baseUrl() + "/ap/threads/" + threadId);
            assertEquals(404, activityGet(threadIri.toString()).status(), "not shared yet: not there");
            Api.Reply shared = Api.as(Tokens.ADA).put(f.forum() + "/threads/" + threadId + "/sharing", "{\"shared\": true}");
            assertEquals(200, shared.status(), shared::toString);

            FakePeer.Received page = readers.await(x -> x.type().equals("Announce")
                    && x.json().getJsonObject("object").getString("type").equals("Create"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no Announce(Create(Page)): " + readers.received()));
            JsonObject announce = page.json();
            assertEquals(groupId(f.slug).toString(), announce.getString("actor"));
            JsonObject pageObject = announce.getJsonObject("object").getJsonObject("object");
            assertEquals("Page", pageObject.getString("type"));
            assertEquals(threadIri.toString(), pageObject.getString("id"));
            assertEquals("Walking helps me", pageObject.getString("name"));
            assertTrue(pageObject.getString("content").contains("twenty minutes"));
            assertEquals(groupId(f.slug).toString(), pageObject.getString("audience"));
            assertTrue(pageObject.getString("attributedTo").startsWith(Api.baseUrl() + "/ap/members/"));
            assertEquals("Page", activityGet(threadIri.toString()).object().getString("type"), "shared: fetchable at its id");
            verifySignedByGroup(f.slug, reader, page);

            // A reply from another server.
            FakePeer.Actor replier = peer.actor("replier-" + f.slug, "Person");
            String noteId = peer.newId("notes");
            JsonObject note = Json.createObjectBuilder().add("id", noteId).add("type", "Note")
                    .add("attributedTo", replier.id().toString()).add("inReplyTo", threadIri.toString())
                    .add("content", "<p>Same here, <script>alert(1)</script>it <b>helps</b>.</p>")
                    .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                    .add("cc", Json.createArrayBuilder().add(groupId(f.slug).toString()))
                    .add("audience", groupId(f.slug).toString()).build();
            JsonObject create = Json.createObjectBuilder(activity(peer.newId("creates"), "Create", replier, noteId))
                    .add("object", note).add("audience", groupId(f.slug).toString()).build();
            HttpResponse<String> accepted = peer.post(groupInbox, create, replier);
            assertEquals(202, accepted.statusCode(), accepted::body);
            assertEquals(202, peer.post(groupInbox, create.toString().getBytes(StandardCharsets.UTF_8), replier, later(), h -> h)
                    .statusCode(), "a retried delivery (signed again) changes nothing");

            JsonArray posts = Api.as(Tokens.BO).get(f.forum() + "/threads/" + threadId).object().getJsonArray("posts");
            assertEquals(2, posts.size(), posts::toString);
            JsonObject remote = posts.getJsonObject(1);
            assertEquals("replier-" + f.slug + "@127.0.0.1", remote.getString("author"));
            String html = remote.getString("html", remote.toString());
            assertFalse(html.contains("<script"), html);
            assertTrue(remote.toString().contains("helps"), remote::toString);

            FakePeer.Received relayed = readers.await(x -> x.type().equals("Announce")
                    && x.json().getJsonObject("object").getString("type").equals("Create")
                    && x.json().getJsonObject("object").getJsonObject("object").getString("id", "").equals(noteId),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("the reply was not announced: " + readers.received()));
            verifySignedByGroup(f.slug, reader, relayed);

            // A Like from elsewhere is a heart on the opening post.
            assertEquals(202, peer.post(groupInbox, activity(peer.newId("likes"), "Like", replier, threadIri.toString()), replier).statusCode());
            JsonObject opening = Api.as(Tokens.BO).get(f.forum() + "/threads/" + threadId).object().getJsonArray("posts").getJsonObject(0);
            assertEquals(1, opening.getJsonObject("reactions").getInt("HEART"), opening::toString);

            // A reply to a thread its author did not share is refused, and nothing is stored.
            JsonObject sneaky = Json.createObjectBuilder(note).add("id", peer.newId("notes"))
                    .add("inReplyTo", Api.baseUrl() + "/ap/threads/" + privateThread).build();
            JsonObject sneakyCreate = Json.createObjectBuilder(activity(peer.newId("creates"), "Create", replier, sneaky.getString("id")))
                    .add("object", sneaky).build();
            HttpResponse<String> refused = peer.post(groupInbox, sneakyCreate, replier);
            assertEquals(403, refused.statusCode(), refused::body);
            assertEquals(1, Api.as(Tokens.BO).get(f.forum() + "/threads/" + privateThread).object().getJsonArray("posts").size());

            // A moderator removes the remote reply: the follower is told to delete it.
            Api.Reply hidden = Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/posts/"
                    + remote.getString("id") + "/hide", "{\"reason\": \"Off topic\"}");
            assertEquals(204, hidden.status(), hidden::toString);
            readers.await(x -> x.type().equals("Announce") && x.json().getJsonObject("object").getString("type").equals("Delete")
                    && x.json().getJsonObject("object").getString("object").equals(noteId), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no announced Delete: " + readers.received()));

            // A local reply in the shared thread goes out the same way, as Bo's Person in this community.
            String boReply = f.reply(Tokens.BO, threadId, "Mornings are hard for me, evenings work.").getJsonObject("post").getString("id");
            FakePeer.Received local = readers.await(x -> x.type().equals("Announce")
                    && x.json().getJsonObject("object").getString("type").equals("Create")
                    && x.json().getJsonObject("object").getJsonObject("object").getString("id", "").endsWith("/ap/posts/" + boReply),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("Bo's reply was not announced: " + readers.received()));
            JsonObject boNote = local.json().getJsonObject("object").getJsonObject("object");
            assertEquals(threadIri.toString(), boNote.getString("inReplyTo"));
            assertEquals(Api.baseUrl() + "/ap/members/" + f.memberId, boNote.getString("attributedTo"));

            // Nothing from the thread that was not shared ever left.
            assertTrue(readers.received().stream().noneMatch(x -> new String(x.body(), StandardCharsets.UTF_8).contains(privateThread)));
        }
    }

    /**
     * A follower whose server has gone away: its deliveries wait and are retried (the operator sees them per
     * host with the error and how late they are) while a live follower gets the same activity at once.
     */
    @Test
    void aDeadFollowerDoesNotHoldUpTheOthersAndTheOperatorSeesIt() {
        org.kinship.it.support.ForumFixtures f = org.kinship.it.support.ForumFixtures.create("fed-dead");
        mode(f.slug, "open");
        URI groupInbox = URI.create(groupId(f.slug) + "/inbox");
        FakePeer dead = FakePeer.start("127.0.0.2");
        FakePeer.Actor gone = dead.actor("gone", "Person");
        assertEquals(202, dead.post(groupInbox, activity(dead.newId("follows"), "Follow", gone, groupId(f.slug).toString()), gone).statusCode());
        dead.await(x -> x.type().equals("Accept"), Duration.ofSeconds(20)).orElseThrow();
        dead.close();
        try (FakePeer alive = FakePeer.start("localhost")) {
            followedBy(alive, f.slug);

            String threadId = f.thread(Tokens.ADA, "Still here", "A quiet week.").getString("threadId");
            Instant shared = Instant.now();
            assertEquals(200, Api.as(Tokens.ADA).put(f.forum() + "/threads/" + threadId + "/sharing", "{\"shared\": true}").status());
            alive.await(x -> x.type().equals("Announce"), Duration.ofSeconds(20)).orElseThrow();
            assertTrue(Duration.between(shared, Instant.now()).toSeconds() < 10, "the live follower was not held up");

            Api operator = Api.as(Tokens.PLATFORM_ADMIN);
            JsonObject deadHost = awaitHost(operator, "127.0.0.2", h -> h.getInt("pending") >= 1 && !h.isNull("lastError"));
            assertTrue(deadHost.getString("lastError").contains("connection"), deadHost::toString);
            assertTrue(deadHost.getJsonNumber("lagSeconds").longValue() >= 0);
            JsonObject liveHost = awaitHost(operator, "localhost", h -> h.getInt("delivered") >= 2);
            assertEquals(0, liveHost.getInt("pending"), liveHost::toString);
            assertEquals(403, Api.as(Tokens.COMMUNITY_ADMIN).get("/api/federation/deliveries").status(), "operators only");
            assertEquals(401, Api.anonymous().get("/api/federation/deliveries").status());
        }
    }

    /**
     * The inbox answers a burst at the speed of its checks and applies it behind the answers: every reply of a
     * burst from several servers at once ends up in the thread, once, and a reply to a thread nobody shared, sent
     * in the same burst, is refused whenever it is applied (with a 403 if its answer waited, after a 202 if not)
     * and leaves nothing. The operator sees the backlog empty afterwards.
     */
    @Test
    void aBurstIsAnsweredAtOnceAndAppliedBehindTheAnswers() throws Exception {
        org.kinship.it.support.ForumFixtures f = org.kinship.it.support.ForumFixtures.create("fed-burst");
        mode(f.slug, "open");
        String threadId = f.thread(Tokens.ADA, "A busy evening", "Say hello.").getString("threadId");
        String privateThread = f.thread(Tokens.ADA, "Ours only", "Not shared.").getString("threadId");
        assertEquals(200, Api.as(Tokens.ADA).put(f.forum() + "/threads/" + threadId + "/sharing", "{\"shared\": true}").status());
        URI sharedIri = URI.create(Api.baseUrl() + "/ap/threads/" + threadId);
        URI privateIri = URI.create(Api.baseUrl() + "/ap/threads/" + privateThread);
        URI sharedInbox = URI.create(Api.baseUrl() + "/ap/inbox");

        int replies = 40;
        List<FakePeer.Actor> repliers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            repliers.add(peer.actor("burst-" + i + "-" + f.slug, "Person"));
        }
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i <= replies; i++) {
                FakePeer.Actor replier = repliers.get(i % repliers.size());
                URI target = i == replies / 2 ? privateIri : sharedIri; // one sneaky reply in the middle
                String noteId = peer.newId("notes");
                JsonObject note = Json.createObjectBuilder().add("id", noteId).add("type", "Note")
                        .add("attributedTo", replier.id().toString()).add("inReplyTo", target.toString())
                        .add("content", "<p>Hello number " + i + "</p>").add("audience", groupId(f.slug).toString()).build();
                JsonObject create = Json.createObjectBuilder(activity(peer.newId("creates"), "Create", replier, noteId))
                        .add("object", note).add("audience", groupId(f.slug).toString()).build();
                answers.add(senders.submit(() -> peer.post(sharedInbox, create, replier)));
            }
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> r = answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (i == replies / 2) {
                    assertTrue(r.statusCode() == 202 || r.statusCode() == 403, r::body);
                } else {
                    assertEquals(202, r.statusCode(), r::body);
                }
            }
        } finally {
            senders.shutdownNow();
        }

        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        JsonArray posts = JsonValue.EMPTY_JSON_ARRAY;
        while (Instant.now().isBefore(until)) {
            posts = Api.as(Tokens.BO).get(f.forum() + "/threads/" + threadId).object().getJsonArray("posts");
            if (posts.size() >= 1 + replies) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(1 + replies, posts.size(), "every reply of the burst, once: " + posts.size());
        Api operator = Api.as(Tokens.PLATFORM_ADMIN);
        JsonObject backlog = operator.get("/api/federation/inbox").object();
        assertEquals(0, backlog.getInt("pending"), backlog::toString);
        assertEquals(0, backlog.getInt("givenUp"), backlog::toString);
        assertEquals(1, Api.as(Tokens.BO).get(f.forum() + "/threads/" + privateThread).object().getJsonArray("posts").size(),
                "the reply to the unshared thread left nothing");
        assertEquals(403, Api.as(Tokens.COMMUNITY_ADMIN).get("/api/federation/inbox").status(), "operators only");
        assertEquals(401, Api.anonymous().get("/api/federation/inbox").status());
    }

    private static JsonObject awaitHost(Api operator, String host, java.util.function.Predicate<JsonObject> ready) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject last = null;
        while (Instant.now().isBefore(until)) {
            Api.Reply r = operator.get("/api/federation/deliveries");
            assertEquals(200, r.status(), r::toString);
            last = r.array().stream().map(JsonValue::asJsonObject).filter(h -> h.getString("host").equals(host)).findFirst().orElse(null);
            if (last != null && ready.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("host " + host + " never got there: " + last);
    }

    private static void verifySignedByGroup(String slug, FakePeer.Actor to, FakePeer.Received received) {
        JsonObject group = activityGet(groupId(slug).toString()).object();
        VerificationKey key = VerificationKey.of(KeyMaterial.publicKeyFromPem(
                group.getJsonObject("publicKey").getString("publicKeyPem")).orElseThrow(), groupId(slug).toString());
        VerificationResult verified = new SignatureVerifier(keyId -> Optional.of(key), Clock.systemUTC())
                .verify(HttpMessage.request("POST", URI.create(to.id().getScheme() + "://" + to.id().getAuthority() + received.path()),
                        received.headers(), received.body()));
        assertTrue(verified.isVerified(), verified::toString);
    }

    /**
     * A clock a few seconds ahead: RSA signatures are deterministic, so a request signed again in the same second
     * would be the very same signature, which the inbox refuses as a replay. Real retries come later than that.
     */
    private static Clock later() {
        return Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5));
    }

    private static JsonObject activity(String id, String type, FakePeer.Actor actor, String object) {
        return Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", id).add("type", type).add("actor", actor.id().toString()).add("object", object)
                .build();
    }
}
