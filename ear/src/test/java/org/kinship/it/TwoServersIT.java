package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
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
import org.kinship.it.support.FederatedCommunity;
import org.kinship.it.support.SecondServer;
import org.kinship.it.support.Tokens;

/**
 * Two Kinship servers federating on loopback, as issue 7 tells it: a community on A shares a thread; a community
 * on B follows it and gets the thread in "From other communities"; a member of B answers there; A shows the
 * answer in its thread and announces it to everyone following (here also a third server, a {@link FakePeer});
 * A's moderator removes the answer, and it is hidden on B too. A is the Arquillian-managed server, B the
 * {@link SecondServer}; both run the same kinship.ear, against the same Keycloak. And a meetup of A's community
 * reaches B, where a member's "going" counts on A.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoServersIT {
    @RegisterExtension
    static final SecondServer B = SecondServer.shared();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static URI groupOnA(String slug) {
        return URI.create(Api.baseUrl() + "/ap/communities/" + slug);
    }

    /** How Kinship shows a remote author: the actor's preferredUsername at its host (a member's is m_ and their id). */
    private static String remoteName(String memberId) {
        return "m_" + memberId.replace("-", "") + "@localhost";
    }

    /** B's admin follows A's community by its handle ({@code slug@localhost:port}); A accepts. */
    private static void bFollowsA(FederatedCommunity a, FederatedCommunity b) {
        JsonObject asked = b.follow(a.slug + "@" + URI.create(Api.baseUrl()).getAuthority());
        JsonObject following = asked.getJsonArray("following").getJsonObject(0);
        assertEquals(groupOnA(a.slug).toString(), following.getString("actor"));
        FederatedCommunity.await("A's Accept of B's Follow", FederatedCommunity.DELIVERY,
                () -> Optional.of(b.settings().getJsonArray("following").getJsonObject(0))
                        .filter(f -> "accepted".equals(f.getString("state"))),
                b::settings);
        String bGroup = B.publicUrl() + "/ap/communities/" + b.slug;
        JsonArray followersOfA = a.settings().getJsonArray("followers");
        assertTrue(followersOfA.stream().map(JsonValue::asJsonObject).anyMatch(f -> f.getString("actor").equals(bGroup)
                && f.getString("state").equals("accepted")), followersOfA::toString);
    }

    @Test
    void aThreadSharedOnOneServerIsFollowedAnsweredAndModeratedFromTheOther() {
        FederatedCommunity a = FederatedCommunity.create(Api.baseUrl(), "two-a");
        FederatedCommunity b = FederatedCommunity.create(B.apiUrl(), "two-b");
        try (FakePeer third = FakePeer.start("127.0.0.1")) {
            // A third server follows A's community, to see what A announces.
            FakePeer.Actor watcher = third.actor("watcher", "Person");
            JsonObject watch = Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                    .add("id", third.newId("follows")).add("type", "Follow").add("actor", watcher.id().toString())
                    .add("object", groupOnA(a.slug).toString()).build();
            HttpResponse<String> followed = third.post(URI.create(groupOnA(a.slug) + "/inbox"), watch, watcher);
            assertEquals(202, followed.statusCode(), followed::body);

            bFollowsA(a, b);
            third.await(x -> x.type().equals("Accept"), FederatedCommunity.DELIVERY)
                    .orElseThrow(() -> new AssertionError("the third server was not accepted: " + third.received()));

            // A's author shares a thread.
            String title = "Walking helps me " + UUID.randomUUID().toString().substring(0, 6);
            String threadOnA = a.thread(Tokens.ADA, title, "Every morning, **twenty minutes**, whatever the weather.");
            a.share(Tokens.ADA, threadOnA);
            URI threadIri = URI.create(Api.baseUrl() + "/ap/threads/" + threadOnA);

            // It arrives on B, in "From other communities", by A's author as A names her.
            String remoteCategory = FederatedCommunity.await("the category for threads from elsewhere on B", FederatedCommunity.DELIVERY,
                    () -> b.category("From other communities"), () -> b.as(Tokens.CAI).get(b.forum() + "/categories"));
            JsonObject summary = FederatedCommunity.await("A's thread on B", FederatedCommunity.DELIVERY,
                    () -> b.threadsIn(remoteCategory).stream().map(JsonValue::asJsonObject)
                            .filter(t -> title.equals(t.getString("title"))).findFirst(),
                    () -> b.threadsIn(remoteCategory));
            String copyOnB = summary.getString("id");
            assertEquals(remoteName(a.authorId), summary.getString("author"));
            JsonObject copy = b.read(Tokens.CAI, copyOnB);
            JsonObject opening = copy.getJsonArray("posts").getJsonObject(0);
            assertEquals(remoteName(a.authorId), opening.getString("author"));
            assertTrue(opening.getString("html").contains("<strong>twenty minutes</strong>"), opening::toString);
            assertFalse(copy.getJsonObject("thread").getJsonObject("sharing").getBoolean("shared"),
                    "a copy is not B's to share");
            if (copy.getJsonObject("thread").containsKey("origin")) {
                // Where it comes from, when the forum says so (threads from elsewhere carry their origin).
                JsonObject origin = copy.getJsonObject("thread").getJsonObject("origin");
                assertEquals(a.slug + "@localhost", origin.getString("handle"), origin::toString);
                assertEquals(threadIri.toString(), origin.getString("url"), origin::toString);
            }

            // B's member answers on B.
            String replyOnB = b.reply(Tokens.BO, copyOnB, "Same here: the *evening* walk is mine.");
            String noteId = B.publicUrl() + "/ap/posts/" + replyOnB;

            // A receives it and shows it in its thread, under B's member's name at B.
            JsonObject replyOnA = FederatedCommunity.await("B's reply in A's thread", FederatedCommunity.DELIVERY,
                    () -> a.read(Tokens.CAI, threadOnA).getJsonArray("posts").stream().map(JsonValue::asJsonObject)
                            .filter(p -> p.getInt("seq") > 0).findFirst(),
                    () -> a.read(Tokens.CAI, threadOnA));
            assertEquals(remoteName(b.memberId), replyOnA.getString("author"));
            assertTrue(replyOnA.getString("html").contains("<em>evening</em>"), replyOnA::toString);
            assertEquals("VISIBLE", replyOnA.getString("state"));

            // A announces it to its followers: the third server gets the Create of B's Note from A's group.
            FakePeer.Received announced = third.await(x -> x.type().equals("Announce")
                    && x.json().getJsonObject("object").getString("type").equals("Create")
                    && x.json().getJsonObject("object").getJsonObject("object").getString("id", "").equals(noteId),
                    FederatedCommunity.DELIVERY).orElseThrow(() -> new AssertionError("A did not announce B's reply: " + third.received()));
            assertEquals(groupOnA(a.slug).toString(), announced.json().getString("actor"));
            JsonObject note = announced.json().getJsonObject("object").getJsonObject("object");
            assertEquals(B.publicUrl() + "/ap/members/" + b.memberId, note.getString("attributedTo"));
            assertEquals(threadIri.toString(), note.getString("inReplyTo"));

            // A's moderator removes the reply: A announces the Delete, and B hides it from its readers.
            a.hide(replyOnA.getString("id"), "Off topic here");
            third.await(x -> x.type().equals("Announce") && x.json().getJsonObject("object").getString("type").equals("Delete")
                    && x.json().getJsonObject("object").getString("object", "").equals(noteId), FederatedCommunity.DELIVERY)
                    .orElseThrow(() -> new AssertionError("A did not announce the removal: " + third.received()));
            JsonObject hiddenOnB = FederatedCommunity.await("the removal on B", FederatedCommunity.DELIVERY,
                    () -> b.read(Tokens.CAI, copyOnB).getJsonArray("posts").stream().map(JsonValue::asJsonObject)
                            .filter(p -> p.getString("id").equals(replyOnB) && !p.getString("state").equals("VISIBLE")).findFirst(),
                    () -> b.read(Tokens.CAI, copyOnB));
            assertEquals("HIDDEN", hiddenOnB.getString("state"));
            assertTrue(Api.isNull(hiddenOnB, "html"), hiddenOnB::toString);
            // The rest of the thread stays as it was.
            assertEquals("VISIBLE", b.read(Tokens.CAI, copyOnB).getJsonArray("posts").getJsonObject(0).getString("state"));
        }
    }

    /**
     * A meetup of A's community federates once its organiser shares its discussion thread: B gets a copy of the
     * date, organised by A's group; a member of B says "going" on B, B sends A a Join, and A counts that answer
     * (its organiser sees who, as name@host; its members see the count).
     */
    @Test
    void aMeetupFederatesAndARemoteRsvpCounts() {
        FederatedCommunity a = FederatedCommunity.create(Api.baseUrl(), "two-meet-a");
        FederatedCommunity b = FederatedCommunity.create(B.apiUrl(), "two-meet-b");
        bFollowsA(a, b);

        String title = "Walk and talk " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Oslo")).plusDays(9).withHour(18).withMinute(0).withSecond(0).withNano(0);
        Api.Reply made = a.as(Tokens.MODERATOR).post(meetups(a), "{\"title\": " + Api.str(title)
                + ", \"description\": \"Coffee and a slow walk\", \"address\": \"Storgata 1, Oslo\", \"capacity\": 8, \"start\": "
                + Api.str(start.toString()) + ", \"end\": " + Api.str(start.plusHours(2).toString())
                + ", \"categoryId\": " + Api.str(a.categoryId) + "}");
        assertEquals(201, made.status(), made::toString);
        JsonObject meetup = made.object();
        String dateOnA = meetups(a) + "/" + meetup.getString("id") + "/dates/" + meetup.getJsonArray("dates").getJsonObject(0).getString("id");
        assertEquals(200, a.as(Tokens.ADA).put(dateOnA + "/rsvp", "{\"answer\": \"GOING\"}").status());
        // Its organiser shares its discussion thread, and with it the meetup.
        a.share(Tokens.MODERATOR, meetup.getString("threadId"));

        // B gets a copy, organised by A's group as B names it, at the same time.
        JsonObject copy = FederatedCommunity.await("the meetup's copy on B", FederatedCommunity.DELIVERY,
                () -> b.as(Tokens.BO).get(meetups(b)).array().stream().map(JsonValue::asJsonObject)
                        .filter(d -> title.equals(d.getString("title"))).findFirst(),
                () -> b.as(Tokens.BO).get(meetups(b)));
        assertEquals(start.atZone(ZoneId.of("Europe/Oslo")).toInstant(), Instant.parse(copy.getString("start")));
        JsonObject copyPage = b.as(Tokens.BO).get(meetups(b) + "/" + copy.getString("meetupId")).object();
        assertEquals(a.slug + "@localhost", copyPage.getString("organiser"), copyPage::toString);

        // A member of B is going: B's answer goes to A as a Join, and A counts it.
        String dateOnB = meetups(b) + "/" + copy.getString("meetupId") + "/dates/" + copy.getString("id");
        Api.Reply going = b.as(Tokens.BO).put(dateOnB + "/rsvp", "{\"answer\": \"GOING\"}");
        assertEquals(200, going.status(), going::toString);
        assertEquals("GOING", going.object().getString("status"), going::toString);
        JsonObject counted = FederatedCommunity.await("B's RSVP counted on A", FederatedCommunity.DELIVERY,
                () -> Optional.of(a.as(Tokens.CAI).get(dateOnA).object()).filter(d -> d.getInt("going") == 2),
                () -> a.as(Tokens.CAI).get(dateOnA));
        assertTrue(counted.getJsonArray("attendees").stream().map(x -> x.asJsonObject().getString("pseudonym"))
                .noneMatch(p -> p.contains("@")), "A's members see a count, not B's member");
        JsonArray organiserSees = a.as(Tokens.MODERATOR).get(dateOnA).object().getJsonArray("attendees");
        assertTrue(organiserSees.stream().map(x -> x.asJsonObject()).anyMatch(x -> x.getString("pseudonym").equals(remoteName(b.memberId))
                && x.getString("status").equals("GOING")), organiserSees::toString);

        // Changing their mind on B un-counts them on A.
        assertEquals(200, b.as(Tokens.BO).put(dateOnB + "/rsvp", "{\"answer\": \"NOT_GOING\"}").status());
        FederatedCommunity.await("B's Leave on A", FederatedCommunity.DELIVERY,
                () -> Optional.of(a.as(Tokens.CAI).get(dateOnA).object()).filter(d -> d.getInt("going") == 1),
                () -> a.as(Tokens.CAI).get(dateOnA));
    }

    private static String meetups(FederatedCommunity c) {
        return "/api/communities/" + c.slug + "/meetups";
    }
}
