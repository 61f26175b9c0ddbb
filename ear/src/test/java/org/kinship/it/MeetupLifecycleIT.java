package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.followedBy;
import static org.kinship.it.support.Federating.follows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
import org.kinship.it.support.MeetupFixtures;
import org.kinship.it.support.Tokens;

/**
 * A meetup date's life after it went out, the way Mobilizon lives it: Mobilizon cancels an Event by sending it
 * again with {@code ical:status CANCELLED}, which cancels our copy (and a later CONFIRMED does not bring it back);
 * our cancelled date goes out the same way (and as the Delete every peer knows); and the going count of a shared
 * date follows answers, one Update per interval (3 s here: {@code kinship.federation.meetup-count-seconds} in
 * arquillian.xml) with the final count and nobody named. Remote servers are {@link FakePeer}s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetupLifecycleIT {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    @RegisterExtension
    static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aMobilizonUpdateWithCancelledCancelsOurCopyForGood() {
        ForumFixtures f = ForumFixtures.create("life-copy");
        federate(f.slug);
        FakePeer.Actor group = peer.actor("dancers-" + f.slug, "Group");
        follows(f.slug, peer, group);

        String eventId = peer.newId("events");
        OffsetDateTime start = OffsetDateTime.now().plusDays(9).withHour(19).withMinute(0).withSecond(0).withNano(0);
        JsonObject confirmed = mobilizonEvent(eventId, group, "Ceilidh night", start, "CONFIRMED");
        URI ourInbox = URI.create(groupId(f.slug) + "/inbox");
        HttpResponse<String> created = peer.post(ourInbox, announce(group, "Create", confirmed), group);
        assertEquals(202, created.statusCode(), created::body);
        JsonObject date = copy(f.slug, "Ceilidh night");
        String datePath = MeetupFixtures.base(f.slug) + "/" + date.getString("meetupId") + "/dates/" + date.getString("id");
        assertEquals("SCHEDULED", status(datePath));
        assertEquals("GOING", MeetupFixtures.rsvp(Tokens.BO, datePath, "GOING").object().getString("status"));
        int toldBefore = notifications(Tokens.BO, f.slug, "MEETUP_CANCELLED").size();

        // Mobilizon's cancellation: the same Event, sent again in an Update, with ical:status CANCELLED.
        JsonObject cancelled = Json.createObjectBuilder(confirmed).add("ical:status", "CANCELLED").build();
        HttpResponse<String> update = peer.post(ourInbox, announce(group, "Update", cancelled), group);
        assertEquals(202, update.statusCode(), update::body);
        assertEquals("CANCELLED", status(datePath), "our copy is cancelled, as by a Delete");
        assertEquals(toldBefore + 1, notifications(Tokens.BO, f.slug, "MEETUP_CANCELLED").size(),
                "who said they'd go is told, once");

        // The origin confirms it again (and renames it): a cancellation here is final, the copy stays as it was.
        JsonObject again = Json.createObjectBuilder(confirmed).add("name", "Ceilidh night after all").build();
        assertEquals(202, peer.post(ourInbox, announce(group, "Update", again), group).statusCode());
        assertEquals("CANCELLED", status(datePath));
        assertEquals("Ceilidh night", Api.as(Tokens.BO).get(datePath).object().getJsonObject("meetup").getString("title"));

        // An Event that arrives already cancelled is nothing to copy.
        String otherId = peer.newId("events");
        assertEquals(202, peer.post(ourInbox, announce(group, "Create",
                mobilizonEvent(otherId, group, "Called off before it began", start.plusDays(1), "CANCELLED")), group).statusCode());
        assertTrue(dates(f.slug).stream().noneMatch(d -> d.getString("title").equals("Called off before it began")));
    }

    @Test
    void aCancelledSharedDateGoesOutAsAnUpdateWithCancelledAndAsADelete() {
        ForumFixtures f = ForumFixtures.create("life-cancel");
        federate(f.slug);
        try (FakePeer readers = FakePeer.start("localhost")) {
            followedBy(readers, f.slug);
            Shared shared = sharedMeetup(f, "Board games");
            JsonObject createdEvent = readers.await(x -> announces(x, "Create", shared.eventId()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no Announce(Create(Event)): " + readers.received()))
                    .json().getJsonObject("object").getJsonObject("object");
            assertEquals("CONFIRMED", createdEvent.getString("ical:status"));

            Api.Reply cancelled = Api.as(Tokens.MODERATOR).post(shared.datePath() + "/cancel", "{\"reason\": \"Flu\"}");
            assertEquals(204, cancelled.status(), cancelled::toString);
            FakePeer.Received update = readers.await(x -> announces(x, "Update", shared.eventId())
                    && "CANCELLED".equals(x.json().getJsonObject("object").getJsonObject("object").getString("ical:status", null)),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Update with CANCELLED: " + readers.received()));
            JsonObject event = update.json().getJsonObject("object").getJsonObject("object");
            assertEquals("Board games", event.getString("name"), "the whole Event, as Mobilizon sends it");
            assertTrue(update.json().toString().contains("http://www.w3.org/2002/12/cal/ical#"), "the ical prefix is declared");
            readers.await(x -> x.type().equals("Announce") && x.json().getJsonObject("object").getString("type").equals("Delete")
                    && x.json().getJsonObject("object").getString("object").equals(shared.eventId()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no announced Delete: " + readers.received()));
        }
    }

    @Test
    void answersInQuickSuccessionAreOneCountUpdateThatNamesNobody() {
        ForumFixtures f = ForumFixtures.create("life-count");
        federate(f.slug);
        try (FakePeer readers = FakePeer.start("localhost")) {
            followedBy(readers, f.slug);
            Shared shared = sharedMeetup(f, "Quiz night");
            readers.await(x -> announces(x, "Create", shared.eventId()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no Announce(Create(Event)): " + readers.received()));

            assertEquals(200, MeetupFixtures.rsvp(Tokens.ADA, shared.datePath(), "GOING").status());
            assertEquals(200, MeetupFixtures.rsvp(Tokens.BO, shared.datePath(), "GOING").status());
            FakePeer.Received counted = readers.await(x -> announces(x, "Update", shared.eventId()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no count Update: " + readers.received()));
            assertEquals(2, counted.json().getJsonObject("object").getJsonObject("object").getInt("participantCount"),
                    "the final count of the burst");
            // Past the interval twice over: still that one Update.
            sleep(Duration.ofSeconds(7));
            assertEquals(1L, readers.received().stream().filter(x -> announces(x, "Update", shared.eventId())).count(),
                    () -> readers.received().toString());

            String everything = new String(counted.body(), StandardCharsets.UTF_8);
            for (String who : List.of("Ada", "\"Bo\"", "Mod Mona", f.authorId, f.memberId, f.moderatorId, "/ap/members/")) {
                assertFalse(everything.contains(who), "nobody who goes is named: " + who + " in " + everything);
            }

            // A later change, after the interval, is a new Update with the new count.
            assertEquals(200, MeetupFixtures.rsvp(Tokens.ADA, shared.datePath(), "NOT_GOING").status());
            FakePeer.Received later = readers.await(x -> announces(x, "Update", shared.eventId())
                    && x.json().getJsonObject("object").getJsonObject("object").getInt("participantCount") == 1,
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no second count Update: " + readers.received()));
            assertFalse(new String(later.body(), StandardCharsets.UTF_8).contains(f.authorId));
        }
    }

    // --- helpers (the small part of MeetupFederationIT's setup these tests need) ----------------------------------

    private record Shared(String datePath, String eventId) {
    }

    /** A meetup by the moderator, ten days from now, whose discussion thread is then shared. */
    private static Shared sharedMeetup(ForumFixtures f, String title) {
        LocalDateTime start = LocalDateTime.now(MeetupFixtures.OSLO).plusDays(10).withHour(18).withMinute(0).withSecond(0).withNano(0);
        JsonObject meetup = MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body(title,
                MeetupFixtures.local(start), MeetupFixtures.local(start.plusHours(2)), 10, "\"categoryId\": " + Api.str(f.categoryId)));
        String eventId = Api.baseUrl() + "/ap/meetups/" + meetup.getJsonArray("dates").getJsonObject(0).getString("id");
        Api.Reply shared = Api.as(Tokens.MODERATOR).put(f.forum() + "/threads/" + meetup.getString("threadId") + "/sharing",
                "{\"shared\": true}");
        assertEquals(200, shared.status(), shared::toString);
        return new Shared(MeetupFixtures.firstDate(f.slug, meetup), eventId);
    }

    /** An Event as Mobilizon writes one: its context declares {@code ical} inline, its status says whether it is on. */
    private static JsonObject mobilizonEvent(String id, FakePeer.Actor group, String name, OffsetDateTime start, String status) {
        return Json.createObjectBuilder().add("id", id).add("type", "Event").add("name", name)
                .add("content", "<p>Dance with us.</p>").add("startTime", start.toString())
                .add("endTime", start.plusHours(2).toString()).add("timezone", "Europe/Oslo").add("joinMode", "free")
                .add("participantCount", 3).add("category", "MEETING").add("ical:status", status)
                .add("location", Json.createObjectBuilder().add("type", "Place").add("name", "Folkets hus")
                        .add("address", Json.createObjectBuilder().add("type", "PostalAddress").add("addressLocality", "Bergen")))
                .add("attributedTo", group.id().toString()).add("actor", group.id().toString()).add("url", id)
                .add("to", Json.createArrayBuilder().add(PUBLIC)).build();
    }

    /** The group's Announce of its own activity, with Mobilizon's context (AS, security, its inline terms). */
    private static JsonObject announce(FakePeer.Actor group, String type, JsonObject event) {
        JsonObject inner = Json.createObjectBuilder().add("id", peer.newId("activities")).add("type", type)
                .add("actor", group.id().toString()).add("object", event).add("to", Json.createArrayBuilder().add(PUBLIC)).build();
        JsonObject terms = Json.createObjectBuilder().add("sc", "http://schema.org#").add("mz", "https://joinmobilizon.org/ns#")
                .add("ical", "http://www.w3.org/2002/12/cal/ical#").add("timezone", "mz:timezone").add("joinMode", "mz:joinMode")
                .add("participantCount", "mz:participantCount").add("category", "sc:category").add("address", "sc:address")
                .add("PostalAddress", "sc:PostalAddress").add("addressLocality", "sc:addressLocality").build();
        return Json.createObjectBuilder().add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams")
                        .add("https://w3id.org/security/v1").add(terms))
                .add("id", peer.newId("announces")).add("type", "Announce").add("actor", group.id().toString())
                .add("object", inner).add("to", Json.createArrayBuilder().add(PUBLIC)).build();
    }

    private static List<JsonObject> dates(String slug) {
        return Api.as(Tokens.BO).get(MeetupFixtures.base(slug)).array().stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject copy(String slug, String title) {
        return dates(slug).stream().filter(d -> d.getString("title").equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no copy in the community's meetups"));
    }

    private static String status(String datePath) {
        return Api.as(Tokens.BO).get(datePath).object().getJsonObject("date").getString("status");
    }

    private static List<JsonObject> notifications(String user, String slug, String kind) {
        Api.Reply r = Api.as(user).get("/api/communities/" + slug + "/notifications");
        assertEquals(200, r.status(), r::toString);
        return r.array().stream().map(JsonValue::asJsonObject).filter(n -> n.getString("kind").equals(kind)).toList();
    }

    private static void federate(String slug) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/federation/mode", "{\"mode\": \"open\"}");
        assertEquals(200, r.status(), r::toString);
    }

    /** The group's Announce of a Create or Update of the Event {@code eventId}. */
    private static boolean announces(FakePeer.Received x, String activity, String eventId) {
        if (!x.type().equals("Announce")) {
            return false;
        }
        JsonObject inner = x.json().getJsonObject("object");
        return inner.getString("type").equals(activity) && inner.get("object").getValueType() == JsonValue.ValueType.OBJECT
                && inner.getJsonObject("object").getString("type").equals("Event")
                && inner.getJsonObject("object").getString("id").equals(eventId);
    }

    private static String groupId(String slug) {
        return Api.baseUrl() + "/ap/communities/" + slug;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
