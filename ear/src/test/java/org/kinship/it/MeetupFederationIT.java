package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.activityGet;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.kinship.it.support.MeetupFixtures;
import org.kinship.it.support.Tokens;

/**
 * Meetups over federation, as a follower, a Mobilizon-like participant and a followed community meet them: a
 * meetup's dates reach the group's followers as Events once the organiser shares its discussion thread (with
 * Mobilizon's fields, a count and no names); a remote Join counts in the date's going count and is accepted
 * by the group, a Leave un-counts it, a Join that waits in the list is accepted when a place frees; a Join of
 * a meetup nobody shared is refused and stores nothing; a cancelled date is deleted where it went. And the
 * other way: an Event announced by a community we follow becomes a read-only copy, our member's answer goes
 * to its origin as Join and Leave, and the origin's Delete cancels it. Remote servers are {@link FakePeer}s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetupFederationIT {
    @RegisterExtension
    static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aSharedMeetupReachesFollowersAndARemoteJoinCountsWithoutAName() {
        ForumFixtures f = ForumFixtures.create("fed-meet");
        federate(f.slug);
        try (FakePeer readers = FakePeer.start("localhost")) {
            FakePeer.Actor reader = followedBy(readers, f.slug);
            JsonObject meetup = MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body("Walk and talk",
                    MeetupFixtures.local(inDays(10)), MeetupFixtures.local(inDays(10).plusHours(2)), 10,
                    "\"categoryId\": " + Api.str(f.categoryId)));
            String datePath = MeetupFixtures.firstDate(f.slug, meetup);
            JsonObject firstDate = meetup.getJsonArray("dates").getJsonObject(0);
            String eventId = Api.baseUrl() + "/ap/meetups/" + firstDate.getString("id");
            assertEquals(200, MeetupFixtures.rsvp(Tokens.ADA, datePath, "GOING").status());
            assertEquals(404, activityGet(eventId).status(), "its thread is not shared: no Event");

            // A Join before the organiser shared the thread: refused like a meetup that does not exist, nothing stored.
            FakePeer.Actor walker = peer.actor("walker-" + f.slug, "Person");
            HttpResponse<String> early = peer.post(sharedInbox(), join(walker, eventId, groupId(f.slug)), walker);
            assertEquals(404, early.statusCode(), early::body);
            assertTrue(early.body().contains("meetup_not_found"), early::body);
            assertEquals(1, going(datePath));

            Api.Reply shared = Api.as(Tokens.MODERATOR).put(f.forum() + "/threads/" + meetup.getString("threadId") + "/sharing",
                    "{\"shared\": true}");
            assertEquals(200, shared.status(), shared::toString);

            FakePeer.Received announced = readers.await(x -> announces(x, "Create", "Event"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no Announce(Create(Event)): " + readers.received()));
            verifySignedByGroup(f.slug, reader, announced);
            JsonObject event = announced.json().getJsonObject("object").getJsonObject("object");
            assertEquals(eventId, event.getString("id"));
            assertEquals(groupId(f.slug), event.getString("attributedTo"));
            assertEquals(groupId(f.slug), event.getString("audience"));
            assertEquals("Walk and talk", event.getString("name"));
            assertEquals(inOslo(firstDate.getString("start")), event.getString("startTime"), "local wall time with its offset");
            assertEquals(inOslo(firstDate.getString("end")), event.getString("endTime"));
            assertEquals("Europe/Oslo", event.getString("timezone"));
            assertEquals("Storgata 1, Oslo", event.getJsonObject("location").getString("name"));
            assertEquals("free", event.getString("joinMode"));
            assertEquals(1, event.getInt("participantCount"), "Ada is going: a count");
            assertEquals(10, event.getInt("maximumAttendeeCapacity"));
            assertEquals(firstDate.getString("url"), event.getString("url"), "the date's page in the web client");
            String everything = new String(announced.body(), StandardCharsets.UTF_8);
            for (String name : Set.of("Ada", "Mod Mona", f.authorId, f.moderatorId)) {
                assertFalse(everything.contains(name), "nobody is named: " + name);
            }
            assertEquals("Event", activityGet(eventId).object().getString("type"), "shared: fetchable at its id");

            // A Mobilizon-style Join to the shared inbox, addressed to the group: counted, and accepted by the group.
            JsonObject joining = join(walker, eventId, groupId(f.slug));
            HttpResponse<String> joined = peer.post(sharedInbox(), joining, walker);
            assertEquals(202, joined.statusCode(), joined::body);
            assertEquals(2, going(datePath));
            FakePeer.Received accept = peer.await(x -> x.path().equals(walker.inbox().getPath()) && x.type().equals("Accept"),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Accept: " + peer.received()));
            assertEquals(groupId(f.slug), accept.json().getString("actor"));
            assertEquals(joining.getString("id"), objectId(accept.json()));
            verifySignedByGroup(f.slug, walker, accept);

            // Names: the organiser sees everyone who answered, the remote person as name@host; members see a count.
            Set<String> organiserSees = attendees(Tokens.MODERATOR, datePath);
            assertTrue(organiserSees.contains("walker-" + f.slug + "@127.0.0.1"), organiserSees::toString);
            assertTrue(attendees(Tokens.BO, datePath).stream().noneMatch(a -> a.contains("@")), "members see no remote names");
            assertEquals(2, Api.as(Tokens.BO).get(datePath).object().getInt("going"));

            // A peer's retry is signed anew (the very same signed request would be refused as a replay).
            HttpResponse<String> retried = peer.post(sharedInbox(), joining.toString().getBytes(StandardCharsets.UTF_8), walker,
                    Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5)), h -> h);
            assertEquals(202, retried.statusCode(), retried::body);
            assertEquals(2, going(datePath), "a retried Join changes nothing");

            JsonObject leaving = activity(peer.newId("leaves"), "Leave", walker, eventId, groupId(f.slug));
            assertEquals(202, peer.post(sharedInbox(), leaving, walker).statusCode());
            assertEquals(1, going(datePath), "the Leave un-counts");
            assertEquals(202, peer.post(sharedInbox(), activity(peer.newId("leaves"), "Leave", walker, eventId, groupId(f.slug)),
                    walker).statusCode(), "a second Leave changes nothing");
            assertEquals(1, going(datePath));

            // Someone who joined and does not follow the group hears of a new time and of the cancellation directly.
            FakePeer.Actor stayer = peer.actor("stayer-" + f.slug, "Person");
            assertEquals(202, peer.post(sharedInbox(), join(stayer, eventId, groupId(f.slug)), stayer).statusCode());
            assertEquals(2, going(datePath));

            // The organiser moves the date: an Update, announced to followers and sent to the participant.
            Api.Reply moved = Api.as(Tokens.MODERATOR).put(datePath + "/time", "{\"start\": "
                    + Api.str(MeetupFixtures.local(inDays(11))) + ", \"end\": " + Api.str(MeetupFixtures.local(inDays(11).plusHours(3))) + "}");
            assertEquals(200, moved.status(), moved::toString);
            String newStart = inOslo(moved.object().getJsonObject("date").getString("start"));
            FakePeer.Received update = readers.await(x -> announces(x, "Update", "Event")
                    && x.json().getJsonObject("object").getJsonObject("object").getString("startTime").equals(newStart),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Announce(Update(Event)): " + readers.received()));
            assertEquals(2, update.json().getJsonObject("object").getJsonObject("object").getInt("participantCount"));
            peer.await(x -> x.path().equals(stayer.inbox().getPath()) && x.type().equals("Update")
                    && x.json().getJsonObject("object").getString("startTime").equals(newStart), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("the participant was not told of the new time: " + peer.received()));

            // The organiser cancels the date: it is deleted where it went, and no longer served.
            Api.Reply cancelled = Api.as(Tokens.MODERATOR).post(datePath + "/cancel", "{\"reason\": \"Storm\"}");
            assertEquals(204, cancelled.status(), cancelled::toString);
            readers.await(x -> x.type().equals("Announce") && x.json().getJsonObject("object").getString("type").equals("Delete")
                    && x.json().getJsonObject("object").getString("object").equals(eventId), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no announced Delete: " + readers.received()));
            peer.await(x -> x.path().equals(stayer.inbox().getPath()) && x.type().equals("Delete")
                    && x.json().getString("object").equals(eventId), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("the participant was not told of the cancellation: " + peer.received()));
            assertTrue(peer.received().stream().noneMatch(x -> x.path().equals(walker.inbox().getPath()) && x.type().equals("Delete")),
                    "someone who left is not told");
            assertEquals(404, activityGet(eventId).status());

            // A Join of the cancelled date is answered with a Reject.
            FakePeer.Actor late = peer.actor("late-" + f.slug, "Person");
            JsonObject lateJoin = join(late, eventId, groupId(f.slug));
            assertEquals(202, peer.post(sharedInbox(), lateJoin, late).statusCode());
            FakePeer.Received reject = peer.await(x -> x.path().equals(late.inbox().getPath()) && x.type().equals("Reject"),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Reject: " + peer.received()));
            assertEquals(lateJoin.getString("id"), objectId(reject.json()));
            assertEquals(2, going(datePath), "a refused Join counts nowhere");
        }
    }

    @Test
    void aRemoteJoinThatWaitsForAPlaceIsAcceptedWhenOneFrees() {
        ForumFixtures f = ForumFixtures.create("fed-wait");
        federate(f.slug);
        JsonObject meetup = MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body("Small café",
                MeetupFixtures.local(inDays(12)), MeetupFixtures.local(inDays(12).plusHours(2)), 1,
                "\"categoryId\": " + Api.str(f.categoryId)));
        String datePath = MeetupFixtures.firstDate(f.slug, meetup);
        String eventId = Api.baseUrl() + "/ap/meetups/" + meetup.getJsonArray("dates").getJsonObject(0).getString("id");
        assertEquals(200, Api.as(Tokens.MODERATOR).put(f.forum() + "/threads/" + meetup.getString("threadId") + "/sharing",
                "{\"shared\": true}").status());
        assertEquals("GOING", MeetupFixtures.rsvp(Tokens.ADA, datePath, "GOING").object().getString("status"));

        FakePeer.Actor hopeful = peer.actor("hopeful-" + f.slug, "Person");
        JsonObject joining = join(hopeful, eventId, groupId(f.slug));
        assertEquals(202, peer.post(URI.create(groupId(f.slug) + "/inbox"), joining, hopeful).statusCode());
        assertEquals(1, going(datePath), "full: the remote person waits");
        assertEquals(1, Api.as(Tokens.MODERATOR).get(datePath).object().getInt("waiting"));
        sleep(Duration.ofSeconds(2));
        assertTrue(peer.received().stream().noneMatch(x -> x.path().equals(hopeful.inbox().getPath())),
                "no answer while waiting (as Mobilizon's pending participation)");

        assertEquals(200, MeetupFixtures.rsvp(Tokens.ADA, datePath, "NOT_GOING").status());
        assertEquals(1, going(datePath), "the place went to the remote person");
        FakePeer.Received accept = peer.await(x -> x.path().equals(hopeful.inbox().getPath()) && x.type().equals("Accept"),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Accept: " + peer.received()));
        assertEquals(joining.getString("id"), objectId(accept.json()));
    }

    @Test
    void anEventFromAFollowedCommunityIsCopiedAndOurAnswersGoToItsOrigin() {
        ForumFixtures f = ForumFixtures.create("fed-copy");
        federate(f.slug);
        FakePeer.Actor walkers = peer.actor("walkers-" + f.slug, "Group");
        follows(f.slug, peer, walkers);

        String eventId = peer.newId("events");
        OffsetDateTime start = OffsetDateTime.now().plusDays(8).withHour(17).withMinute(0).withSecond(0).withNano(0);
        JsonObject event = Json.createObjectBuilder().add("id", eventId).add("type", "Event").add("name", "Walk in the park")
                .add("content", "<p>We walk <b>slowly</b>.</p><script>alert(1)</script>")
                .add("startTime", start.toString()).add("endTime", start.plusHours(2).toString())
                .add("location", Json.createObjectBuilder().add("type", "Place").add("name", "Town park")
                        .add("address", Json.createObjectBuilder().add("type", "PostalAddress")
                                .add("streetAddress", "Parkveien 2").add("addressLocality", "Bergen")))
                .add("attributedTo", walkers.id().toString()).add("url", eventId)
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public")).build();
        URI ourInbox = URI.create(groupId(f.slug) + "/inbox");
        HttpResponse<String> created = peer.post(ourInbox, announce(walkers, "Create", event), walkers);
        assertEquals(202, created.statusCode(), created::body);

        JsonObject date = Api.as(Tokens.BO).get(MeetupFixtures.base(f.slug)).array().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("title").equals("Walk in the park")).findFirst()
                .orElseThrow(() -> new AssertionError("no copy in the community's meetups"));
        assertEquals(start.toInstant(), Instant.parse(date.getString("start")));
        assertEquals("Town park, Parkveien 2, Bergen", date.getString("address"));
        JsonObject page = Api.as(Tokens.BO).get(MeetupFixtures.base(f.slug) + "/" + date.getString("meetupId")).object();
        assertEquals("walkers-" + f.slug + "@127.0.0.1", page.getString("organiser"), "where it comes from");
        assertTrue(page.getString("description").contains("We walk slowly."), page::toString);
        assertFalse(page.getString("description").contains("<script"), page::toString);
        assertTrue(page.getString("description").contains(eventId), "the origin's page");

        // Our member's answers go to the origin group, from the member's own actor.
        String datePath = MeetupFixtures.base(f.slug) + "/" + date.getString("meetupId") + "/dates/" + date.getString("id");
        assertEquals("GOING", MeetupFixtures.rsvp(Tokens.BO, datePath, "GOING").object().getString("status"));
        String bo = Api.baseUrl() + "/ap/members/" + f.memberId;
        FakePeer.Received join = peer.await(x -> x.path().equals(walkers.inbox().getPath()) && x.type().equals("Join"),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Join: " + peer.received()));
        assertEquals(bo, join.json().getString("actor"));
        assertEquals(eventId, join.json().getString("object"));
        assertEquals(200, MeetupFixtures.rsvp(Tokens.BO, datePath, "NOT_GOING").status());
        FakePeer.Received leave = peer.await(x -> x.path().equals(walkers.inbox().getPath()) && x.type().equals("Leave"),
                Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Leave: " + peer.received()));
        assertEquals(bo, leave.json().getString("actor"));

        // The copy is the origin's: it cannot be changed here. The origin renames it, then deletes it.
        Api.Reply edit = Api.as(Tokens.MODERATOR).put(MeetupFixtures.base(f.slug) + "/" + date.getString("meetupId"),
                "{\"title\": \"Ours now\", \"address\": \"Elsewhere\"}");
        assertEquals(403, edit.status(), edit::toString);
        JsonObject renamed = Json.createObjectBuilder(event).add("name", "Slow walk in the park").build();
        assertEquals(202, peer.post(ourInbox, announce(walkers, "Update", renamed), walkers).statusCode());
        assertEquals("Slow walk in the park", Api.as(Tokens.BO).get(datePath).object().getJsonObject("meetup").getString("title"));
        JsonObject delete = Json.createObjectBuilder().add("id", peer.newId("deletes")).add("type", "Delete")
                .add("actor", walkers.id().toString()).add("object", eventId).build();
        assertEquals(202, peer.post(ourInbox, wrap(walkers, delete), walkers).statusCode());
        assertEquals("CANCELLED", Api.as(Tokens.BO).get(datePath).object().getJsonObject("date").getString("status"));

        // Someone else's server cannot bring an Event into a community that does not follow it.
        FakePeer.Actor stranger = peer.actor("stranger-" + f.slug, "Group");
        JsonObject foreign = Json.createObjectBuilder(event).add("id", peer.newId("events")).add("name", "Not followed")
                .add("attributedTo", stranger.id().toString()).build();
        peer.post(ourInbox, announce(stranger, "Create", foreign), stranger);
        assertTrue(Api.as(Tokens.BO).get(MeetupFixtures.base(f.slug)).array().stream().map(JsonValue::asJsonObject)
                .noneMatch(d -> d.getString("title").equals("Not followed")));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static LocalDateTime inDays(int days) {
        return LocalDateTime.now(MeetupFixtures.OSLO).plusDays(days).withHour(18).withMinute(0).withSecond(0).withNano(0);
    }

    private static String inOslo(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), MeetupFixtures.OSLO).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void federate(String slug) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/federation/mode", "{\"mode\": \"open\"}");
        assertEquals(200, r.status(), r::toString);
    }

    private static long going(String datePath) {
        return Api.as(Tokens.BO).get(datePath).object().getInt("going");
    }

    private static Set<String> attendees(String user, String datePath) {
        return Api.as(user).get(datePath).object().getJsonArray("attendees").stream()
                .map(a -> a.asJsonObject().getString("pseudonym")).collect(Collectors.toSet());
    }

    private static boolean announces(FakePeer.Received x, String activity, String object) {
        if (!x.type().equals("Announce")) {
            return false;
        }
        JsonObject inner = x.json().getJsonObject("object");
        return inner.getString("type").equals(activity) && inner.get("object").getValueType() == JsonValue.ValueType.OBJECT
                && inner.getJsonObject("object").getString("type").equals(object);
    }

    private static String objectId(JsonObject activity) {
        JsonValue object = activity.get("object");
        return object.getValueType() == JsonValue.ValueType.STRING ? activity.getString("object") : object.asJsonObject().getString("id");
    }

    private static JsonObject join(FakePeer.Actor actor, String event, String group) {
        return activity(peer.newId("joins"), "Join", actor, event, group);
    }

    private static JsonObject activity(String id, String type, FakePeer.Actor actor, String object, String to) {
        var b = Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", id).add("type", type).add("actor", actor.id().toString()).add("object", object);
        if (to != null) {
            b.add("to", Json.createArrayBuilder().add(to));
        }
        return b.build();
    }

    /** The group's Announce of its own Create or Update of an Event (FEP-1b12). */
    private static JsonObject announce(FakePeer.Actor group, String type, JsonObject event) {
        JsonObject inner = Json.createObjectBuilder().add("id", peer.newId("activities")).add("type", type)
                .add("actor", group.id().toString()).add("object", event)
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public")).build();
        return wrap(group, inner);
    }

    private static JsonObject wrap(FakePeer.Actor group, JsonObject inner) {
        return Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", peer.newId("announces")).add("type", "Announce").add("actor", group.id().toString())
                .add("object", inner).add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                .build();
    }

    private static URI sharedInbox() {
        return URI.create(Api.baseUrl() + "/ap/inbox");
    }

    private static String groupId(String slug) {
        return Api.baseUrl() + "/ap/communities/" + slug;
    }

    private static void verifySignedByGroup(String slug, FakePeer.Actor to, FakePeer.Received received) {
        JsonObject group = activityGet(groupId(slug)).object();
        VerificationKey key = VerificationKey.of(KeyMaterial.publicKeyFromPem(
                group.getJsonObject("publicKey").getString("publicKeyPem")).orElseThrow(), groupId(slug));
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
