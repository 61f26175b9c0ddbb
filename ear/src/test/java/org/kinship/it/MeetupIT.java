package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.MeetupFixtures.base;
import static org.kinship.it.support.MeetupFixtures.firstDate;
import static org.kinship.it.support.MeetupFixtures.rsvp;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.MeetupFixtures;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.TestUsers;
import org.kinship.it.support.Tokens;

/**
 * Meetups against the real server and PostgreSQL: no overbooking under concurrent answers and a waiting
 * list that moves up in order, notifications on change, who sees which attendees, going together, and
 * every refused input leaving nothing changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetupIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    // ---- capacity and the waiting list ----

    @Test
    void twentyAtOnceForFivePlacesGiveFiveGoingAndFifteenWaitingWhoMoveUpInOrderAndAreTold() throws Exception {
        ForumFixtures f = ForumFixtures.create("crowd");
        List<String> crowd = new ArrayList<>();
        Map<String, String> userByPseudonym = new HashMap<>();
        for (int i = 1; i <= 20; i++) {
            String user = TestUsers.ensure(String.format("crowd-%02d", i));
            String pseudonym = String.format("Crowd %02d", i);
            Fixtures.join(user, f.slug, pseudonym);
            crowd.add(user);
            userByPseudonym.put(pseudonym, user);
            Tokens.of(user); // sign in now, so that the answers below start together
        }
        JsonObject meetup = MeetupFixtures.oneOff(f.slug, "Harbour café", 10, 5);
        String date = firstDate(f.slug, meetup);
        String dateId = date.substring(date.lastIndexOf('/') + 1);

        ExecutorService pool = Executors.newFixedThreadPool(crowd.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> answers = new ArrayList<>();
        for (String user : crowd) {
            answers.add(pool.submit(() -> {
                go.await();
                return rsvp(user, date, "GOING");
            }));
        }
        go.countDown();
        Map<String, Integer> statuses = new HashMap<>();
        for (Future<Api.Reply> a : answers) {
            Api.Reply r = a.get(60, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r::toString);
            statuses.merge(r.object().getString("status"), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of("GOING", 5, "WAITING", 15), statuses, "exactly five places given, never six");
        JsonObject page = Api.as(Tokens.MODERATOR).get(date).object();
        assertEquals(5, page.getInt("going"));
        assertEquals(15, page.getInt("waiting"));

        List<String> waiting = waitingInOrder(dateId);
        assertEquals(15, waiting.size());
        List<String> going = crowd.stream().filter(u -> !waiting.contains(pseudonymOf(userByPseudonym, u))).toList();
        assertEquals(5, going.size());
        // My place in the queue is mine to see.
        String third = userByPseudonym.get(waiting.get(2));
        assertEquals(3, Api.as(third).get(date).object().getJsonObject("date").getJsonObject("mine").getInt("waitingPosition"));

        // Each cancellation gives the place to the first in the waiting list, who is told.
        for (int i = 0; i < 5; i++) {
            Api.Reply cancelled = rsvp(going.get(i), date, "NOT_GOING");
            assertEquals("NOT_GOING", cancelled.object().getString("status"), cancelled::toString);
            String promoted = userByPseudonym.get(waiting.get(i));
            assertEquals("GOING", Api.as(promoted).get(date).object().getJsonObject("date").getJsonObject("mine").getString("status"));
            assertEquals(1, notifications(promoted, f.slug, "MEETUP_PLACE").size(), "told once: " + promoted);
            assertEquals(5, Api.as(Tokens.MODERATOR).get(date).object().getInt("going"));
        }
        assertEquals(10, Api.as(Tokens.MODERATOR).get(date).object().getInt("waiting"));
        for (int i = 5; i < 15; i++) {
            assertTrue(notifications(userByPseudonym.get(waiting.get(i)), f.slug, "MEETUP_PLACE").isEmpty(), "still waiting");
        }

        // People who leave the queue at once: the places still go strictly in queue order.
        String sixth = userByPseudonym.get(waiting.get(5));
        String seventh = userByPseudonym.get(waiting.get(6));
        Api.as(sixth).put(date + "/rsvp", "{\"answer\": \"MAYBE\"}");
        assertEquals("WAITING", rsvp(seventh, date, "GOING").object().getString("status"), "answering GOING again keeps one's place");
        ExecutorService leavers = Executors.newFixedThreadPool(3);
        List<Future<Api.Reply>> left = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String user = userByPseudonym.get(waiting.get(i)); // three of the promoted leave at once
            left.add(leavers.submit(() -> rsvp(user, date, "NOT_GOING")));
        }
        for (Future<Api.Reply> l : left) {
            assertEquals(200, l.get(60, TimeUnit.SECONDS).status());
        }
        leavers.shutdown();
        JsonObject after = Api.as(Tokens.MODERATOR).get(date).object();
        assertEquals(5, after.getInt("going"), "refilled to capacity, not beyond");
        for (int i = 6; i < 9; i++) {
            assertEquals("GOING", Api.as(userByPseudonym.get(waiting.get(i))).get(date).object().getJsonObject("date")
                    .getJsonObject("mine").getString("status"), "the next three in order: " + waiting.get(i));
        }
        assertEquals("MAYBE", Api.as(sixth).get(date).object().getJsonObject("date").getJsonObject("mine").getString("status"));
    }

    private static String pseudonymOf(Map<String, String> userByPseudonym, String user) {
        return userByPseudonym.entrySet().stream().filter(e -> e.getValue().equals(user)).findFirst().orElseThrow().getKey();
    }

    private static List<String> waitingInOrder(String dateId) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = Postgres.connect();
             PreparedStatement st = c.prepareStatement("select m.pseudonym from meetup_rsvp r join membership m on m.id = r.member_id"
                     + " where r.occurrence_id = ?::uuid and r.status = 'WAITING' order by r.queue_seq")) {
            st.setString(1, dateId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    static List<JsonObject> notifications(String user, String slug, String kind) {
        Api.Reply r = Api.as(user).get("/api/communities/" + slug + "/notifications");
        assertEquals(200, r.status(), r::toString);
        return r.array().stream().map(JsonValue::asJsonObject).filter(n -> n.getString("kind").equals(kind)).toList();
    }

    // ---- notifications on change ----

    @Test
    void everyoneWhoAnsweredIsToldOfANewTimeAndOfTheCancellationAndAttendeesOfTheOrganisersMessage() {
        ForumFixtures f = ForumFixtures.create("change");
        JsonObject meetup = MeetupFixtures.oneOff(f.slug, "Evening walk", 5, null);
        String date = firstDate(f.slug, meetup);
        rsvp(Tokens.ADA, date, "GOING");
        rsvp(Tokens.BO, date, "MAYBE");
        rsvp(Tokens.PROVIDER, date, "NOT_GOING");

        LocalDateTime later = LocalDateTime.now(MeetupFixtures.OSLO).plusDays(6).withHour(19).withMinute(30).withSecond(0).withNano(0);
        Api.Reply moved = Api.as(Tokens.MODERATOR).put(date + "/time", "{\"start\": " + Api.str(MeetupFixtures.local(later))
                + ", \"end\": " + Api.str(MeetupFixtures.local(later.plusHours(2))) + "}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(MeetupFixtures.local(later), moved.object().getJsonObject("date").getString("localStart"));
        for (String user : List.of(Tokens.ADA, Tokens.BO, Tokens.PROVIDER)) {
            List<JsonObject> changed = notifications(user, f.slug, "MEETUP_CHANGED");
            assertEquals(1, changed.size(), user);
            assertEquals(meetup.getString("id"), changed.get(0).getString("meetupId"));
            assertTrue(changed.get(0).getString("detail").contains("19:30"), changed.get(0).toString());
            assertEquals("Mod Mona", changed.get(0).getString("actor"));
        }
        assertTrue(notifications(Tokens.MODERATOR, f.slug, "MEETUP_CHANGED").isEmpty(), "not told of what one did oneself");
        assertTrue(notifications(Tokens.COMMUNITY_ADMIN, f.slug, "MEETUP_CHANGED").isEmpty(), "nobody who did not answer");

        Api.Reply message = Api.as(Tokens.MODERATOR).post(date + "/message", "{\"text\": \"We meet by the fountain\"}");
        assertEquals(200, message.status(), message::toString);
        assertEquals(2, message.object().getInt("told"));
        assertEquals("We meet by the fountain", notifications(Tokens.ADA, f.slug, "MEETUP_MESSAGE").get(0).getString("detail"));
        assertEquals(1, notifications(Tokens.BO, f.slug, "MEETUP_MESSAGE").size());
        assertTrue(notifications(Tokens.PROVIDER, f.slug, "MEETUP_MESSAGE").isEmpty(), "not going: not an attendee");
        assertEquals("forbidden", Api.as(Tokens.ADA).post(date + "/message", "{\"text\": \"Hi all\"}").error());

        Api.Reply cancelled = Api.as(Tokens.MODERATOR).post(base(f.slug) + "/" + meetup.getString("id") + "/cancel",
                "{\"reason\": \"The café is closed for repairs\"}");
        assertEquals(204, cancelled.status(), cancelled::toString);
        for (String user : List.of(Tokens.ADA, Tokens.BO, Tokens.PROVIDER)) {
            List<JsonObject> told = notifications(user, f.slug, "MEETUP_CANCELLED");
            assertEquals(1, told.size(), user);
            assertEquals("The café is closed for repairs", told.get(0).getString("detail"));
        }
        assertEquals("CANCELLED", Api.as(Tokens.ADA).get(date).object().getJsonObject("date").getString("status"));
    }

    // ---- who sees what ----

    private record Viewer(String name, String user, int status, String error, Set<String> attendees) {
    }

    @Test
    void attendeesAreACountUnlessEachChoseToShowTheirPseudonymAndNothingLeavesTheCommunity() {
        ForumFixtures f = ForumFixtures.create("privacy");
        Fixtures.join(Tokens.NEWCOMER, f.slug, "Nina");
        JsonObject meetup = MeetupFixtures.oneOff(f.slug, "Quiet café", 4, 10);
        String date = firstDate(f.slug, meetup);
        assertEquals(200, Api.as(Tokens.ADA).put(date + "/rsvp", "{\"answer\": \"GOING\", \"showPseudonym\": true}").status());
        assertEquals(200, rsvp(Tokens.BO, date, "GOING").status()); // default: hidden
        assertEquals(200, rsvp(Tokens.PROVIDER, date, "MAYBE").status());

        List<Viewer> table = List.of(
                new Viewer("anonymous", null, 401, "not_authenticated", null),
                new Viewer("outsider", Tokens.CAI, 403, "not_a_member", null),
                new Viewer("member who did not answer", Tokens.NEWCOMER, 200, null, Set.of("Ada")),
                new Viewer("attendee who showed", Tokens.ADA, 200, null, Set.of("Ada")),
                new Viewer("attendee who hid", Tokens.BO, 200, null, Set.of("Ada", "Bo")),
                new Viewer("maybe", Tokens.PROVIDER, 200, null, Set.of("Ada")),
                new Viewer("organiser", Tokens.MODERATOR, 200, null, Set.of("Ada", "Bo", "Pia")),
                new Viewer("admin", Tokens.COMMUNITY_ADMIN, 200, null, Set.of("Ada", "Bo", "Pia")));
        for (Viewer v : table) {
            Api api = v.user() == null ? Api.anonymous() : Api.as(v.user());
            for (String path : List.of(date, base(f.slug), base(f.slug) + "/" + meetup.getString("id"), date + "/company")) {
                Api.Reply r = api.get(path);
                if (v.error() != null) {
                    assertEquals(v.status(), r.status(), v.name() + " " + path + ": " + r);
                    assertEquals(v.error(), r.error(), v.name());
                    assertFalse(r.body().contains("Ada") || r.body().contains("Quiet café"), v.name() + " learns nothing: " + r.body());
                }
            }
            if (v.error() != null) {
                continue;
            }
            JsonObject page = api.get(date).object();
            assertEquals(2, page.getInt("going"), v.name() + " sees the count");
            Set<String> seen = page.getJsonArray("attendees").stream()
                    .map(a -> a.asJsonObject().getString("pseudonym")).collect(Collectors.toSet());
            assertEquals(v.attendees(), seen, v.name());
            String list = api.get(base(f.slug)).body();
            assertFalse(list.contains("\"Bo\"") || list.contains("\"Pia\""), "the list has counts only: " + list);
        }
        // Bo changes his mind and shows his pseudonym: now members see him too.
        assertEquals(200, Api.as(Tokens.BO).put(date + "/rsvp", "{\"answer\": \"GOING\", \"showPseudonym\": true}").status());
        assertEquals(Set.of("Ada", "Bo"), Api.as(Tokens.NEWCOMER).get(date).object().getJsonArray("attendees").stream()
                .map(a -> a.asJsonObject().getString("pseudonym")).collect(Collectors.toSet()));
    }

    // ---- going together ----

    @Test
    void aMemberWhoAsksForCompanyAndOneWhoOffersArePutInTouchWhenTheAskerAccepts() {
        ForumFixtures f = ForumFixtures.create("together");
        JsonObject meetup = MeetupFixtures.oneOff(f.slug, "First café", 3, null);
        String date = firstDate(f.slug, meetup);
        rsvp(Tokens.ADA, date, "GOING");
        rsvp(Tokens.BO, date, "GOING");

        assertEquals("not_attending", Api.as(Tokens.PROVIDER).post(date + "/company", "{\"note\": \"me too\"}").error());
        assertEquals("not_attending", Api.as(Tokens.PROVIDER).get(date + "/company").error(),
                "who asks for company is seen only by those who could go along");
        Api.Reply asked = Api.as(Tokens.ADA).post(date + "/company", "{\"note\": \"I get nervous on the tram\"}");
        assertEquals(204, asked.status(), asked::toString);

        JsonArray seenByBo = Api.as(Tokens.BO).get(date + "/company").array();
        assertEquals(1, seenByBo.size());
        JsonObject request = seenByBo.getJsonObject(0);
        assertEquals("Ada", request.getString("pseudonym"));
        assertEquals("I get nervous on the tram", request.getString("note"));
        assertTrue(request.getJsonArray("offers").isEmpty(), "offers are the asker's to see");
        assertEquals("validation_failed", Api.as(Tokens.ADA).post(date + "/company/" + request.getString("id") + "/offer", "").error());

        assertEquals(204, Api.as(Tokens.BO).post(date + "/company/" + request.getString("id") + "/offer", "").status());
        assertEquals(204, Api.as(Tokens.BO).post(date + "/company/" + request.getString("id") + "/offer", "").status());
        List<JsonObject> offered = notifications(Tokens.ADA, f.slug, "COMPANY_OFFERED");
        assertEquals(1, offered.size(), "one offer, one notification, however often clicked");
        assertEquals("Bo", offered.get(0).getString("actor"));

        JsonObject mine = Api.as(Tokens.ADA).get(date + "/company").array().getJsonObject(0);
        assertTrue(mine.getBoolean("mine"));
        assertEquals("Bo", mine.getJsonArray("offers").getJsonObject(0).getString("pseudonym"));
        assertTrue(notifications(Tokens.BO, f.slug, "COMPANY_MATCHED").isEmpty(), "nobody is put in touch before both agree");

        Api.Reply accepted = Api.as(Tokens.ADA).post(date + "/company/accept", "{\"offerId\": "
                + Api.str(mine.getJsonArray("offers").getJsonObject(0).getString("id")) + "}");
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("MATCHED", accepted.object().getString("status"));
        assertEquals("Bo", accepted.object().getString("companion"));
        assertEquals("Bo", notifications(Tokens.ADA, f.slug, "COMPANY_MATCHED").get(0).getString("actor"));
        assertEquals("Ada", notifications(Tokens.BO, f.slug, "COMPANY_MATCHED").get(0).getString("actor"));
        // Their direct conversation is open (created after commit).
        long rooms = 0;
        for (int i = 0; i < 50 && rooms == 0; i++) {
            rooms = Postgres.count("select count(*) from chat_room where kind = 'DIRECT' and direct_key like ? and direct_key like ?",
                    "%" + f.authorId + "%", "%" + f.memberId + "%");
            sleep(100);
        }
        assertEquals(1, rooms);
        Api.Reply dm = Api.as(Tokens.BO).post("/api/communities/" + f.slug + "/chat/dms", "{\"pseudonym\": \"Ada\"}");
        assertTrue(dm.status() == 200 || dm.status() == 201, dm::toString);
        assertTrue(Api.as(Tokens.PROVIDER).get(date + "/company").status() == 409, "still nothing for those not going");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- bad input ----

    @Test
    void badInputIsRefusedWithItsOwnCodeAndChangesNothing() {
        ForumFixtures f = ForumFixtures.create("badmeetup");
        String meetups = base(f.slug);
        LocalDateTime start = LocalDateTime.now(MeetupFixtures.OSLO).plusDays(3).withHour(18).withMinute(0).withSecond(0).withNano(0);
        String s = MeetupFixtures.local(start);
        String e = MeetupFixtures.local(start.plusHours(2));
        long before = Postgres.count("select count(*) from meetup");

        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put(MeetupFixtures.body("Café", e, s, 5, null), "end_before_start");
        refused.put(MeetupFixtures.body("Café", s, s, 5, null), "end_before_start");
        refused.put(MeetupFixtures.body("Café", MeetupFixtures.local(start.minusDays(10)),
                MeetupFixtures.local(start.minusDays(10).plusHours(2)), 5, null), "start_in_past");
        refused.put(MeetupFixtures.body("Café", s, e, 5, "\"recurrence\": \"FREQ=SOMETIMES\""), "recurrence_invalid");
        refused.put(MeetupFixtures.body("Café", s, e, 5, "\"recurrence\": \"FREQ=HOURLY\""), "recurrence_invalid");
        refused.put(MeetupFixtures.body("Café", s, e, 5, "\"recurrence\": \"FREQ=MONTHLY;BYDAY=1XX\""), "recurrence_invalid");
        refused.put(MeetupFixtures.body("Café", "next tuesday", e, 5, null), "validation_failed");
        refused.put(MeetupFixtures.body("Café", s, e, 0, null), "validation_failed");
        refused.put(MeetupFixtures.body("", s, e, 5, null), "title_invalid");
        refused.put("{\"title\": \"Nowhere\", \"start\": " + Api.str(s) + ", \"end\": " + Api.str(e) + "}", "place_required");
        refused.put(MeetupFixtures.body("Café", s, e, 5, "\"categoryId\": \"" + java.util.UUID.randomUUID() + "\""), "category_not_found");
        refused.put("[1, 2]", "malformed_request");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            Api.Reply r = Api.as(Tokens.MODERATOR).post(meetups, bad.getKey());
            assertEquals(bad.getValue(), r.error(), bad.getKey() + " -> " + r);
            assertTrue(r.status() >= 400 && r.status() < 500, r::toString);
        }
        assertEquals(before, Postgres.count("select count(*) from meetup"), "no meetup was stored");
        assertEquals("cannot_organise", Api.as(Tokens.ADA).post(meetups, MeetupFixtures.body("Ada's café", s, e, 5, null)).error());
        assertEquals("not_a_member", Api.as(Tokens.CAI).post(meetups, MeetupFixtures.body("Café", s, e, 5, null)).error());
        assertEquals("not_authenticated", Api.anonymous().post(meetups, MeetupFixtures.body("Café", s, e, 5, null)).error());
        assertEquals("forbidden", Api.as(Tokens.ADA).put(meetups + "/settings", "{\"membersMayOrganise\": true}").error());
        assertEquals(before, Postgres.count("select count(*) from meetup"));

        // Capacity below the number going.
        JsonObject meetup = MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body("Café", s, e, 3, null));
        String date = firstDate(f.slug, meetup);
        for (String user : List.of(Tokens.ADA, Tokens.BO, Tokens.PROVIDER)) {
            assertEquals("GOING", rsvp(user, date, "GOING").object().getString("status"));
        }
        Api.Reply lower = Api.as(Tokens.MODERATOR).put(meetups + "/" + meetup.getString("id"),
                MeetupFixtures.body("Smaller café", null, null, 2, null));
        assertEquals("capacity_below_going", lower.error(), lower::toString);
        JsonObject unchanged = Api.as(Tokens.MODERATOR).get(meetups + "/" + meetup.getString("id")).object();
        assertEquals(3, unchanged.getInt("capacity"));
        assertEquals("Café", unchanged.getString("title"), "nothing changed, not even the title");

        // Answers: not a member, a bad answer, a cancelled date, a date that does not exist.
        assertEquals("not_a_member", rsvp(Tokens.CAI, date, "GOING").error());
        assertEquals("not_authenticated", Api.anonymous().put(date + "/rsvp", "{\"answer\": \"GOING\"}").error());
        assertEquals("answer_invalid", rsvp(Tokens.COMMUNITY_ADMIN, date, "PERHAPS").error());
        assertEquals("occurrence_not_found", rsvp(Tokens.ADA, meetups + "/" + meetup.getString("id") + "/dates/"
                + java.util.UUID.randomUUID(), "GOING").error());
        assertEquals("meetup_not_found", rsvp(Tokens.ADA, meetups + "/" + java.util.UUID.randomUUID() + "/dates/"
                + java.util.UUID.randomUUID(), "GOING").error());
        assertEquals("meetup_not_found", Api.as(Tokens.ADA).get(meetups + "/not-a-uuid").error());
        assertEquals(3, Postgres.count("select count(*) from meetup_rsvp r join meetup_occurrence o on o.id = r.occurrence_id"
                + " where o.meetup_id = ?::uuid", meetup.getString("id")), "no answer stored for any refusal");
        assertEquals(204, Api.as(Tokens.MODERATOR).post(date + "/cancel", "{\"reason\": \"Ill\"}").status());
        assertEquals("meetup_cancelled", rsvp(Tokens.COMMUNITY_ADMIN, date, "GOING").error());
        assertEquals("meetup_cancelled", rsvp(Tokens.ADA, date, "NOT_GOING").error());
        assertEquals("GOING", Api.as(Tokens.ADA).get(date).object().getJsonObject("date").getJsonObject("mine").getString("status"),
                "the refused answer changed nothing");
        Api.Reply movePast = Api.as(Tokens.MODERATOR).put(date + "/time", "{\"start\": " + Api.str(s) + ", \"end\": " + Api.str(e) + "}");
        assertEquals("meetup_cancelled", movePast.error());

        // Once the admins open organising to members, a member may.
        assertEquals(200, Api.as(Tokens.COMMUNITY_ADMIN).put(meetups + "/settings", "{\"membersMayOrganise\": true}").status());
        assertTrue(Api.as(Tokens.ADA).get(meetups + "/settings").object().getBoolean("membersMayOrganise"));
        JsonObject adas = MeetupFixtures.create(Tokens.ADA, f.slug, MeetupFixtures.body("Ada's café", s, e, null,
                "\"categoryId\": " + Api.str(f.categoryId)));
        assertTrue(adas.getBoolean("canManage"));
        assertNotNull(adas.getString("threadId"), "its discussion thread was started in the category");
        Api.Reply thread = Api.as(Tokens.BO).get("/api/communities/" + f.slug + "/forum/threads/" + adas.getString("threadId"));
        assertEquals(200, thread.status(), thread::toString);
        assertTrue(thread.body().contains("Ada's café"), thread.body());
    }
}
