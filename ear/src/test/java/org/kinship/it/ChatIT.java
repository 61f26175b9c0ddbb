package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.ChatClient.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.ChatClient;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;

/**
 * Live chat over /live against the real server: order under concurrent senders, resume after a dropped
 * connection, idempotent resends, who may read and write where, direct-message privacy, a slow consumer,
 * bad input, and reports into the moderation queue. Each test has a community of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static String chat(String slug) {
        return "/api/communities/" + slug + "/chat";
    }

    private static String room(ForumFixtures f, String name, String kind) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).post(chat(f.slug) + "/rooms",
                "{\"name\": " + Api.str(name) + ", \"kind\": " + Api.str(kind) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.object().getString("id");
    }

    @Test
    void concurrentSendersGetGapFreeSequenceNumbersAndEveryoneSeesTheSameOrder() throws Exception {
        ForumFixtures f = ForumFixtures.create("chat-order");
        String room = room(f, "Evening café", "PUBLIC");
        String[] senders = {Tokens.ADA, Tokens.BO, Tokens.PROVIDER, Tokens.MODERATOR};
        int perSender = 25;
        int total = senders.length * perSender;
        List<ChatClient> listeners = new ArrayList<>();
        try {
            for (String user : new String[]{Tokens.ADA, Tokens.BO, Tokens.COMMUNITY_ADMIN}) {
                ChatClient c = ChatClient.as(user);
                c.join(room);
                listeners.add(c);
            }
            ExecutorService pool = Executors.newFixedThreadPool(senders.length);
            List<Future<List<Long>>> acks = new ArrayList<>();
            for (String user : senders) {
                acks.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    try (ChatClient c = ChatClient.as(user)) {
                        for (int i = 0; i < perSender; i++) {
                            seqs.add(c.sendMessage(room, user + "-" + i, "message " + i + " from " + user).getJsonNumber("seq").longValue());
                        }
                    }
                    return seqs;
                }));
            }
            Set<Long> acked = new HashSet<>();
            for (Future<List<Long>> a : acks) {
                List<Long> mine = a.get(120, TimeUnit.SECONDS);
                for (int i = 1; i < mine.size(); i++) {
                    assertTrue(mine.get(i) > mine.get(i - 1), "one sender's messages are numbered in the order sent: " + mine);
                }
                acked.addAll(mine);
            }
            pool.shutdown();
            assertEquals(total, acked.size(), "every message got its own number");
            assertEquals(1L, acked.stream().mapToLong(Long::longValue).min().orElseThrow());
            assertEquals(total, acked.stream().mapToLong(Long::longValue).max().orElseThrow(), "no gaps");

            List<String> reference = null;
            for (ChatClient c : listeners) {
                List<String> seen = new ArrayList<>();
                long previous = 0;
                for (int i = 0; i < total; i++) {
                    JsonObject m = c.next("message");
                    long seq = m.getJsonNumber("seq").longValue();
                    assertEquals(previous + 1, seq, "live messages arrive in sequence, without gaps or repeats");
                    previous = seq;
                    seen.add(seq + ":" + m.getString("clientId"));
                }
                if (reference == null) {
                    reference = seen;
                } else {
                    assertEquals(reference, seen, "every client sees the same order");
                }
            }
            JsonObject page = Api.as(Tokens.BO).get(chat(f.slug) + "/rooms/" + room + "/messages?limit=200").object();
            assertEquals(total, page.getJsonArray("messages").size());
            assertEquals(total, page.getJsonNumber("lastSeq").longValue());
        } finally {
            listeners.forEach(ChatClient::close);
        }
    }

    @Test
    void aClientThatReconnectsGetsExactlyWhatItMissedInOrderThenLiveOnes() throws Exception {
        ForumFixtures f = ForumFixtures.create("chat-resume");
        String room = room(f, "Night owls", "PUBLIC");
        try (ChatClient ada = ChatClient.as(Tokens.ADA); ChatClient bo = ChatClient.as(Tokens.BO)) {
            ada.join(room);
            for (int i = 1; i <= 3; i++) {
                bo.sendMessage(room, "before-" + i, "before " + i);
            }
            long lastSeen = 0;
            for (int i = 1; i <= 3; i++) {
                lastSeen = ada.next("message").getJsonNumber("seq").longValue();
            }
            assertEquals(3, lastSeen);
            ada.drop();

            // While Ada is away: enough to need several backlog pages, some sent while she resumes.
            for (int i = 1; i <= 120; i++) {
                bo.sendMessage(room, "away-" + i, "while you were away " + i);
            }
            try (ChatClient back = ChatClient.as(Tokens.ADA)) {
                back.send(json("type", "resume", "room", room, "afterSeq", lastSeen, "ref", "r1"));
                JsonObject joined = back.next("joined");
                assertEquals(123, joined.getJsonNumber("lastSeq").longValue());
                ExecutorService pool = Executors.newSingleThreadExecutor();
                Future<?> more = pool.submit(() -> {
                    for (int i = 1; i <= 30; i++) {
                        bo.sendMessage(room, "during-" + i, "during the resume " + i);
                    }
                    return null;
                });
                more.get(60, TimeUnit.SECONDS);
                pool.shutdown();
                List<Long> seqs = new ArrayList<>();
                boolean caughtUp = false;
                while (seqs.size() < 150) {
                    JsonObject frame = back.next(x -> Set.of("message", "caught_up").contains(x.getString("type")),
                            Duration.ofSeconds(20), "message or caught_up");
                    if (frame.getString("type").equals("caught_up")) {
                        assertFalse(caughtUp);
                        caughtUp = true;
                        continue;
                    }
                    seqs.add(frame.getJsonNumber("seq").longValue());
                }
                for (int i = 0; i < seqs.size(); i++) {
                    assertEquals(4 + i, seqs.get(i), "exactly what was missed, in order, no duplicates: " + seqs);
                }
                if (!caughtUp) {
                    back.next("caught_up");
                }
                bo.sendMessage(room, "after", "and live again");
                assertEquals(154, back.next("message").getJsonNumber("seq").longValue());
                Thread.sleep(300);
                assertTrue(back.frames.stream().noneMatch(x -> "message".equals(x.getString("type"))), "no duplicates afterwards");
            }
        }
    }

    @Test
    void aResendWithTheSameClientIdIsAcknowledgedWithTheStoredMessage() {
        ForumFixtures f = ForumFixtures.create("chat-resend");
        String room = room(f, "Café", "PUBLIC");
        try (ChatClient ada = ChatClient.as(Tokens.ADA)) {
            JsonObject first = ada.sendMessage(room, "ada-1", "hello");
            assertFalse(first.getBoolean("duplicate"));
            JsonObject again = ada.sendMessage(room, "ada-1", "hello");
            assertTrue(again.getBoolean("duplicate"));
            assertEquals(first.getJsonNumber("seq").longValue(), again.getJsonNumber("seq").longValue());
            JsonObject next = ada.sendMessage(room, "ada-2", "and more");
            assertEquals(first.getJsonNumber("seq").longValue() + 1, next.getJsonNumber("seq").longValue(), "no number was used up");
        }
        JsonObject page = Api.as(Tokens.BO).get(chat(f.slug) + "/rooms/" + room + "/messages").object();
        assertEquals(2, page.getJsonArray("messages").size());
    }

    @Test
    void theHandshakeIsRefusedWithoutIdentity() {
        CompletionException refused = Assertions.assertThrows(CompletionException.class, () ->
                HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ChatClient.live(), new WebSocket.Listener() { }).join());
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void outsidersMutedMembersAndRemovedMembersAreRefused() {
        ForumFixtures f = ForumFixtures.create("chat-who");
        String room = room(f, "Café", "PUBLIC");
        String restricted = room(f, "Parents and carers", "RESTRICTED");
        try (ChatClient cai = ChatClient.as(Tokens.CAI); ChatClient ada = ChatClient.as(Tokens.ADA);
             ChatClient bo = ChatClient.as(Tokens.BO)) {
            cai.send(json("type", "join", "room", room, "ref", "j"));
            assertEquals("not_a_member", cai.error("j").getString("code"));
            cai.send(json("type", "send", "room", room, "clientId", "x", "body", "hi", "ref", "s"));
            assertEquals("not_a_member", cai.error("s").getString("code"));

            ada.send(json("type", "join", "room", restricted, "ref", "r"));
            assertEquals("not_in_room", ada.error("r").getString("code"));
            assertEquals(204, Api.as(Tokens.MODERATOR).post(chat(f.slug) + "/rooms/" + restricted + "/members",
                    "{\"pseudonym\": \"Ada\"}").status());
            assertEquals("Parents and carers", ada.join(restricted).getString("name"));

            Api.Reply muted = Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/members/" + f.memberId + "/mute",
                    "{\"reason\": \"cooling down\", \"minutes\": 10}");
            assertEquals(204, muted.status(), muted::toString);
            bo.send(json("type", "send", "room", room, "clientId", "m", "body", "can I?", "ref", "m"));
            assertEquals("member_muted", bo.error("m").getString("code"));

            Api.Reply roomMute = Api.as(Tokens.MODERATOR).post(chat(f.slug) + "/rooms/" + room + "/members/" + f.authorId + "/mute",
                    "{\"reason\": \"a break\", \"minutes\": 5}");
            assertEquals(204, roomMute.status(), roomMute::toString);
            ada.send(json("type", "send", "room", room, "clientId", "a", "body", "hello", "ref", "a"));
            assertEquals("member_muted", ada.error("a").getString("code"));
            ada.sendMessage(restricted, "a2", "still fine here");

            ada.join(room);
            Api.Reply removed = Api.as(Tokens.MODERATOR).post(chat(f.slug) + "/rooms/" + room + "/members/" + f.authorId + "/remove",
                    "{\"reason\": \"off topic\"}");
            assertEquals(204, removed.status(), removed::toString);
            assertEquals(room, ada.next("removed").getString("room"));
            ada.send(json("type", "join", "room", room, "ref", "again"));
            assertEquals("not_in_room", ada.error("again").getString("code"));
            assertEquals(403, Api.as(Tokens.ADA).get(chat(f.slug) + "/rooms/" + room + "/messages").status());
        }
        JsonObject page = Api.as(Tokens.MODERATOR).get(chat(f.slug) + "/rooms/" + room + "/messages").object();
        assertEquals(0, page.getJsonArray("messages").size(), "nothing was stored from refused frames");
    }

    @Test
    void directMessagesAreReadableByTheTwoAlone() {
        ForumFixtures f = ForumFixtures.create("chat-dm");
        String dm;
        try (ChatClient ada = ChatClient.as(Tokens.ADA); ChatClient bo = ChatClient.as(Tokens.BO)) {
            ada.send(json("type", "open_dm", "community", f.slug, "pseudonym", "Bo"));
            dm = ada.next("dm").getString("room");
            ada.join(dm);
            ada.sendMessage(dm, "dm-1", "just between us");
            JsonObject notice = bo.next("dm_notice");
            assertEquals(dm, notice.getString("room"));
            assertEquals("Ada", notice.getString("from"));
            assertEquals("Ada", bo.join(dm).getString("with"));
            bo.sendMessage(dm, "dm-2", "thank you");
            assertEquals("thank you", ada.next(m -> "message".equals(m.getString("type")) && m.getJsonNumber("seq").longValue() == 2,
                    Duration.ofSeconds(20), "Bo's reply").getString("text"));
        }
        for (String outsider : new String[]{Tokens.PROVIDER, Tokens.MODERATOR, Tokens.COMMUNITY_ADMIN}) {
            try (ChatClient c = ChatClient.as(outsider)) {
                c.send(json("type", "join", "room", dm, "ref", "j"));
                assertEquals("room_not_found", c.error("j").getString("code"), outsider);
                c.send(json("type", "history", "room", dm, "ref", "h"));
                assertEquals("room_not_found", c.error("h").getString("code"), outsider);
                c.send(json("type", "resume", "room", dm, "afterSeq", 0, "ref", "r"));
                assertEquals("room_not_found", c.error("r").getString("code"), outsider);
            }
            Api.Reply rest = Api.as(outsider).get(chat(f.slug) + "/rooms/" + dm + "/messages");
            assertEquals(404, rest.status(), rest::toString);
            assertEquals("room_not_found", rest.error());
            assertFalse(Api.as(outsider).get(chat(f.slug) + "/rooms").body().contains(dm), "not even listed");
        }
        Api.Reply mine = Api.as(Tokens.BO).get(chat(f.slug) + "/rooms/" + dm + "/messages");
        assertEquals(2, mine.object().getJsonArray("messages").size());
        assertTrue(Api.as(Tokens.BO).get(chat(f.slug) + "/rooms").body().contains(dm));

        // A moderator may not delete a DM message nobody reported; once reported, that message alone reaches the queue.
        try (ChatClient mod = ChatClient.as(Tokens.MODERATOR)) {
            mod.send(json("type", "delete", "room", dm, "seq", 1, "reason", "looking", "ref", "d"));
            assertEquals("room_not_found", mod.error("d").getString("code"));
        }
        assertEquals(201, Api.as(Tokens.BO).post(chat(f.slug) + "/rooms/" + dm + "/messages/1/report",
                "{\"reason\": \"this worries me\"}").status());
        var queue = Api.as(Tokens.MODERATOR).get("/api/communities/" + f.slug + "/moderation/queue").array();
        JsonObject item = queue.getValuesAs(JsonObject.class).stream()
                .filter(i -> "REPORT".equals(i.getString("kind")) && !Api.isNull(i, "chatMessageId")).findFirst().orElseThrow();
        assertEquals("just between us", item.getString("excerpt"));
        assertEquals(dm, item.getString("roomId"));
        assertFalse(queue.toString().contains("thank you"), "only the reported message");
        Api.Reply deleted = Api.as(Tokens.MODERATOR).post(chat(f.slug) + "/messages/" + item.getString("chatMessageId") + "/delete",
                "{\"reason\": \"unsafe\"}");
        assertEquals(204, deleted.status(), deleted::toString);
    }

    @Test
    void directMessagePreferencesAreHonoured() {
        ForumFixtures f = ForumFixtures.create("chat-pref");
        assertEquals("ANYONE", Api.as(Tokens.BO).get(chat(f.slug) + "/dm-preference").object().getString("preference"));
        assertEquals(200, Api.as(Tokens.BO).put(chat(f.slug) + "/dm-preference", "{\"preference\": \"STAFF_ONLY\"}").status());
        Api.Reply refused = Api.as(Tokens.ADA).post(chat(f.slug) + "/dms", "{\"pseudonym\": \"Bo\"}");
        assertEquals(403, refused.status());
        assertEquals("dm_not_allowed", refused.error());
        // Staff (moderators, admins, health providers) may still write; in the fixture, "moderator" is the staff member.
        Api.Reply staff = Api.as(Tokens.MODERATOR).post(chat(f.slug) + "/dms", "{\"pseudonym\": \"Bo\"}");
        assertEquals(200, staff.status(), staff::toString);
        assertEquals("DIRECT", staff.object().getString("kind"));
        assertEquals(200, Api.as(Tokens.BO).put(chat(f.slug) + "/dm-preference", "{\"preference\": \"NOBODY\"}").status());
        assertEquals("dm_not_allowed", Api.as(Tokens.COMMUNITY_ADMIN).post(chat(f.slug) + "/dms", "{\"pseudonym\": \"Bo\"}").error());
        assertEquals("validation_failed", Api.as(Tokens.BO).put(chat(f.slug) + "/dm-preference", "{\"preference\": \"FRIENDS\"}").error());
    }

    @Test
    void aSlowConsumerDoesNotDelayOthersAndIsClosedSoItCanResume() throws Exception {
        ForumFixtures f = ForumFixtures.create("chat-slow");
        String room = room(f, "Busy room", "PUBLIC");
        String big = "x".repeat(3900);
        int total = 600;
        try (ChatClient slow = ChatClient.paused(Tokens.BO); ChatClient fast = ChatClient.as(Tokens.PROVIDER);
             ChatClient sender = ChatClient.as(Tokens.ADA)) {
            slow.sendAsync(json("type", "join", "room", room));
            fast.join(room);
            Thread.sleep(500);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> sending = pool.submit(() -> {
                for (int i = 1; i <= total; i++) {
                    sender.sendMessage(room, "big-" + i, i + " " + big);
                }
                return null;
            });
            for (int i = 1; i <= total; i++) {
                assertEquals(i, fast.next("message").getJsonNumber("seq").longValue());
            }
            sending.get(120, TimeUnit.SECONDS);
            pool.shutdown();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 60, "the fast client kept pace (" + seconds + " s)");
            slow.resumeReading();
            int code = slow.closedWith.get(60, TimeUnit.SECONDS);
            assertEquals(1013, code, "the slow connection is closed with try-again-later");
            assertEquals("too_slow", slow.closeReason);
        }
    }

    @Test
    void badInputGetsAnErrorFrameAndTheConnectionStaysOpenUntilAbuse() throws Exception {
        ForumFixtures f = ForumFixtures.create("chat-bad");
        String room = room(f, "Café", "PUBLIC");
        try (ChatClient bo = ChatClient.as(Tokens.BO)) {
            bo.sendMessage(room, "bo-1", "mine");
        }
        try (ChatClient ada = ChatClient.as(Tokens.ADA)) {
            ada.send("{not json");
            assertEquals("malformed_frame", ada.next("error").getString("code"));
            ada.send("[1,2]");
            assertEquals("malformed_frame", ada.next("error").getString("code"));
            ada.send(json("type", "shout", "ref", "u"));
            assertEquals("unknown_message_type", ada.error("u").getString("code"));
            ada.send(json("type", "send", "room", room, "clientId", "big", "body", "y".repeat(20_000)));
            assertEquals("message_too_large", ada.next("error").getString("code"));
            ada.send(json("type", "send", "room", room, "clientId", "big2", "body", "y".repeat(4001), "ref", "b2"));
            assertEquals("message_too_large", ada.error("b2").getString("code"));
            ada.send(json("type", "send", "room", "not-a-room", "clientId", "c", "body", "hi", "ref", "nr"));
            assertEquals("room_not_found", ada.error("nr").getString("code"));
            ada.send(json("type", "send", "room", java.util.UUID.randomUUID().toString(), "clientId", "c", "body", "hi", "ref", "nr2"));
            assertEquals("room_not_found", ada.error("nr2").getString("code"));
            ada.send(json("type", "edit", "room", room, "seq", 1, "body", "not yours", "ref", "e"));
            assertEquals("not_author", ada.error("e").getString("code"));
            ada.send(json("type", "delete", "room", room, "seq", 1, "ref", "d"));
            assertEquals("not_author", ada.error("d").getString("code"));
            ada.send(json("type", "delete", "room", room, "seq", 1, "reason", "I am no moderator", "ref", "d2"));
            assertEquals("forbidden", ada.error("d2").getString("code"));
            ada.send(json("type", "send", "room", room, "body", "no client id", "ref", "ci"));
            assertEquals("validation_failed", ada.error("ci").getString("code"));
            ada.send(json("type", "typing", "room", room, "ref", "t"));
            assertEquals("not_in_room", ada.error("t").getString("code"));
            ada.send(json("type", "react", "room", room, "seq", 1, "reaction", "ANGRY", "ref", "re"));
            assertEquals("reaction_invalid", ada.error("re").getString("code"));

            ada.send(json("type", "ping", "ref", "p"));
            assertEquals("p", ada.next("pong").getString("ref"), "still open and answering");
            ada.send(json("type", "react", "room", room, "seq", 1, "reaction", "HUG"));
            JsonObject page = Api.as(Tokens.BO).get(chat(f.slug) + "/rooms/" + room + "/messages").object();
            assertEquals(1, page.getJsonArray("messages").size(), "nothing stored from the refused frames");
            assertEquals("mine", page.getJsonArray("messages").getJsonObject(0).getString("text"));

            for (int i = 0; i < 30 && !ada.closedWith.isDone(); i++) {
                ada.sendAsync("{still not json");
                Thread.sleep(20);
            }
            assertEquals(1008, ada.closedWith.get(20, TimeUnit.SECONDS));
            assertEquals("too_many_errors", ada.closeReason);
        }
    }

    @Test
    void reportsAndCrisisLanguageReachTheModerators() {
        ForumFixtures f = ForumFixtures.create("chat-report");
        String room = room(f, "Café", "PUBLIC");
        try (ChatClient mod = ChatClient.as(Tokens.MODERATOR); ChatClient ada = ChatClient.as(Tokens.ADA);
             ChatClient bo = ChatClient.as(Tokens.BO)) {
            bo.join(room);
            ada.sendMessage(room, "a1", "something unkind");
            bo.next("message");
            bo.send(json("type", "report", "room", room, "seq", 1, "reason", "unkind", "ref", "rep"));
            assertEquals(1, bo.next("reported").getJsonNumber("seq").longValue());
            ada.send(json("type", "report", "room", room, "seq", 1, "reason", "me", "ref", "own"));
            assertEquals("cannot_report_own_message", ada.error("own").getString("code"));

            JsonObject crisisAck = ada.sendMessage(room, "a2", "I want to kill myself tonight");
            assertNotNull(crisisAck);
            JsonObject support = ada.next("crisis");
            assertTrue(support.getJsonArray("resources").size() >= 1, support.toString());
            JsonObject alert = mod.next("crisis_alert");
            assertEquals("Ada", alert.getString("pseudonym"));
            assertEquals(2, alert.getJsonNumber("seq").longValue());
            assertNotEquals(JsonValue.NULL, alert.get("excerpt"));
        }
        var queue = Api.as(Tokens.MODERATOR).get("/api/communities/" + f.slug + "/moderation/queue").array();
        List<JsonObject> items = queue.getValuesAs(JsonObject.class);
        assertEquals("CRISIS", items.get(0).getString("kind"), "crisis alerts sort first");
        assertTrue(items.get(0).getBoolean("urgent"));
        JsonObject report = items.stream().filter(i -> "REPORT".equals(i.getString("kind"))).findFirst().orElseThrow();
        assertEquals("Café", report.getString("roomName"));
        assertEquals("Bo", report.getString("reporter"));
        assertEquals("Ada", report.getString("member"));
        Api.Reply delete = Api.as(Tokens.MODERATOR).post(chat(f.slug) + "/messages/" + report.getString("chatMessageId") + "/delete",
                "{\"reason\": \"unkind\"}");
        assertEquals(204, delete.status(), delete::toString);
        JsonObject page = Api.as(Tokens.BO).get(chat(f.slug) + "/rooms/" + room + "/messages").object();
        JsonObject tombstone = page.getJsonArray("messages").getJsonObject(0);
        assertTrue(tombstone.getBoolean("deleted"));
        assertTrue(tombstone.getBoolean("deletedByModerator"));
        assertTrue(Api.isNull(tombstone, "text"));
        assertFalse(Api.as(Tokens.ADA).get("/api/communities/" + f.slug + "/notifications").body().contains("Bo"),
                "the reported member never learns who reported");
    }
}
