package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.Tokens;

/**
 * Sharing a thread beyond the community: only its author shares or stops sharing, moderators and
 * admins may only ask, a closed circle is never shared, and a body that does not say true or false
 * in so many words changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadSharingIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static final Map<String, Supplier<Api>> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("anonymous", Api::anonymous);
        PEOPLE.put("outsider", () -> Api.as(Tokens.CAI));
        PEOPLE.put("member", () -> Api.as(Tokens.BO));
        PEOPLE.put("moderator", () -> Api.as(Tokens.MODERATOR));
        PEOPLE.put("admin", () -> Api.as(Tokens.COMMUNITY_ADMIN));
        PEOPLE.put("author", () -> Api.as(Tokens.ADA));
    }

    /** A row: a call on a fresh thread of Ada's (made by {@code setUp}), and the answer each person gets, in PEOPLE's order. */
    private record Row(String what, BiFunction<Api, String, Api.Reply> call, String... expected) {
    }

    private static String sharing(ForumFixtures f, String thread) {
        return f.forum() + "/threads/" + thread + "/sharing";
    }

    private static long sharedInDatabase(String thread) {
        return Postgres.count("select count(*) from forum_thread where id = ?::uuid and shared_at is not null", thread);
    }

    private static long requestedInDatabase(String thread) {
        return Postgres.count("select count(*) from forum_thread where id = ?::uuid and share_requested_at is not null", thread);
    }

    private static JsonObject sharingAs(String user, ForumFixtures f, String thread) {
        return Api.as(user).get(f.forum() + "/threads/" + thread).object().getJsonObject("thread").getJsonObject("sharing");
    }

    /** "200", or the error code of a refusal: the status alone would not tell not_author from forbidden. */
    private static String outcome(Api.Reply reply) {
        return reply.status() < 300 ? String.valueOf(reply.status()) : reply.error();
    }

    @Test
    void onlyTheAuthorSharesModeratorsAndAdminsOnlyAsk() {
        ForumFixtures f = ForumFixtures.create("share-who");
        List<Row> rows = List.of(
                //                                                                  anon                 outsider       member        moderator     admin         author
                new Row("share", (a, t) -> a.put(sharing(f, t), "{\"shared\": true}"),
                        "not_authenticated", "not_a_member", "not_author", "not_author", "not_author", "200"),
                new Row("ask the author", (a, t) -> a.post(sharing(f, t) + "/request", ""),
                        "not_authenticated", "not_a_member", "forbidden", "200", "200", "forbidden"),
                new Row("decline", (a, t) -> a.post(sharing(f, t) + "/decline", ""),
                        "not_authenticated", "not_a_member", "not_author", "not_author", "not_author", "share_not_requested"));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            int i = 0;
            for (var person : PEOPLE.entrySet()) {
                String thread = f.thread(Tokens.ADA, "Thread for " + row.what() + " by " + person.getKey(), "Words").getString("threadId");
                String got = outcome(row.call().apply(person.getValue().get(), thread));
                if (!got.equals(row.expected()[i])) {
                    wrong.add(row.what() + " as " + person.getKey() + ": expected " + row.expected()[i] + ", got " + got);
                }
                if (!got.equals("200")) {
                    if (sharedInDatabase(thread) != 0 || requestedInDatabase(thread) != 0) {
                        wrong.add(row.what() + " as " + person.getKey() + " was refused but changed the thread");
                    }
                }
                i++;
            }
        }
        assertEquals(List.of(), wrong);

        // Stopping is the author's too, and only theirs.
        String thread = f.thread(Tokens.ADA, "Shared, then not", "Words").getString("threadId");
        assertEquals(200, Api.as(Tokens.ADA).put(sharing(f, thread), "{\"shared\": true}").status());
        for (String other : List.of(Tokens.BO, Tokens.MODERATOR, Tokens.COMMUNITY_ADMIN)) {
            assertEquals("not_author", Api.as(other).put(sharing(f, thread), "{\"shared\": false}").error(), other);
        }
        assertEquals(1, sharedInDatabase(thread));
        Api.Reply stopped = Api.as(Tokens.ADA).put(sharing(f, thread), "{\"shared\": false}");
        assertEquals(200, stopped.status(), stopped::toString);
        assertFalse(stopped.object().getBoolean("shared"));
        assertEquals(0, sharedInDatabase(thread));
        assertEquals(200, Api.as(Tokens.ADA).put(sharing(f, thread), "{\"shared\": false}").status(), "stopping twice is harmless");
    }

    @Test
    void everyMemberSeesThatAThreadIsSharedOnlyTheAuthorAndModeratorsSeeARequest() {
        ForumFixtures f = ForumFixtures.create("share-see");
        String thread = f.thread(Tokens.ADA, "Coping with winter", "Light therapy helped me.").getString("threadId");
        assertEquals(Map.of("shared", false, "requested", false), flags(sharingAs(Tokens.BO, f, thread)));

        Api.Reply asked = Api.as(Tokens.MODERATOR).post(sharing(f, thread) + "/request", "");
        assertEquals(200, asked.status(), asked::toString);
        assertEquals(Map.of("shared", false, "requested", true), flags(asked.object()));
        assertEquals(Map.of("shared", false, "requested", true), flags(sharingAs(Tokens.ADA, f, thread)));
        assertEquals(Map.of("shared", false, "requested", true), flags(sharingAs(Tokens.COMMUNITY_ADMIN, f, thread)));
        assertEquals(Map.of("shared", false, "requested", false), flags(sharingAs(Tokens.BO, f, thread)),
                "other members do not watch the author decide");
        JsonObject inBosListing = listed(Tokens.BO, f, thread);
        assertEquals(Map.of("shared", false, "requested", false), flags(inBosListing.getJsonObject("sharing")));
        assertEquals(Map.of("shared", false, "requested", true), flags(listed(Tokens.ADA, f, thread).getJsonObject("sharing")));

        assertEquals(200, Api.as(Tokens.ADA).put(sharing(f, thread), "{\"shared\": true}").status());
        assertEquals(Map.of("shared", true, "requested", false), flags(sharingAs(Tokens.BO, f, thread)));
        assertEquals(Map.of("shared", true, "requested", false), flags(listed(Tokens.BO, f, thread).getJsonObject("sharing")));
        assertTrue(listed(Tokens.BO, f, thread).containsKey("unread"), "the reader's own fields are still there");
    }

    private static JsonObject listed(String user, ForumFixtures f, String thread) {
        return Api.as(user).get(f.forum() + "/threads").array().stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("id").equals(thread)).findFirst().orElseThrow();
    }

    private static Map<String, Boolean> flags(JsonObject sharing) {
        return Map.of("shared", sharing.getBoolean("shared"), "requested", sharing.getBoolean("requested"));
    }

    @Test
    void aRequestIsAnsweredByTheAuthorAcceptingOrDeclining() {
        ForumFixtures f = ForumFixtures.create("share-ask");
        String accepted = f.thread(Tokens.ADA, "Walking group", "Anyone near the river?").getString("threadId");
        assertEquals(200, Api.as(Tokens.COMMUNITY_ADMIN).post(sharing(f, accepted) + "/request", "").status());
        assertEquals(0, sharedInDatabase(accepted), "asking shares nothing");
        var notes = Api.as(Tokens.ADA).get("/api/communities/" + f.slug + "/notifications").array().stream()
                .map(v -> v.asJsonObject())
                .filter(n -> accepted.equals(n.getString("threadId", null)) && n.getString("kind").equals("MODERATION"))
                .toList();
        assertEquals(1, notes.size(), "the author is told once");
        assertTrue(notes.get(0).getString("detail").startsWith("A moderator asks you to share"), notes.toString());
        assertEquals(200, Api.as(Tokens.MODERATOR).post(sharing(f, accepted) + "/request", "").status(), "asking twice is harmless");

        Api.Reply yes = Api.as(Tokens.ADA).put(sharing(f, accepted), "{\"shared\": true}");
        assertEquals(Map.of("shared", true, "requested", false), flags(yes.object()));
        assertEquals(1, sharedInDatabase(accepted));
        assertEquals(0, requestedInDatabase(accepted));
        assertEquals("thread_already_shared", Api.as(Tokens.MODERATOR).post(sharing(f, accepted) + "/request", "").error());

        String declined = f.thread(Tokens.ADA, "Bad days", "Some days are heavy.").getString("threadId");
        assertEquals(200, Api.as(Tokens.MODERATOR).post(sharing(f, declined) + "/request", "").status());
        Api.Reply no = Api.as(Tokens.ADA).post(sharing(f, declined) + "/decline", "");
        assertEquals(200, no.status(), no::toString);
        assertEquals(Map.of("shared", false, "requested", false), flags(no.object()));
        assertEquals(0, sharedInDatabase(declined));
        assertEquals(0, requestedInDatabase(declined));
        assertEquals("share_not_requested", Api.as(Tokens.ADA).post(sharing(f, declined) + "/decline", "").error());
    }

    @Test
    void aClosedCircleAHiddenThreadAndAnAuthorWhoLeftAreRefused() {
        ForumFixtures f = ForumFixtures.create("share-no");
        String circle = f.circle("Our circle", "Just for us").getString("threadId");
        Api.Reply circleShare = Api.as(Tokens.ADA).put(sharing(f, circle), "{\"shared\": true}");
        assertEquals(409, circleShare.status(), circleShare::toString);
        assertEquals("thread_not_shareable", circleShare.error());
        assertEquals("thread_not_found", Api.as(Tokens.MODERATOR).post(sharing(f, circle) + "/request", "").error(),
                "moderators do not even learn that the circle exists");
        assertEquals(0, sharedInDatabase(circle));

        String hidden = f.thread(Tokens.ADA, "Hidden soon", "Words").getString("threadId");
        assertEquals(204, Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/threads/" + hidden + "/hide",
                "{\"reason\": \"Names a person\"}").status());
        assertEquals("thread_not_shareable", Api.as(Tokens.ADA).put(sharing(f, hidden), "{\"shared\": true}").error());
        assertEquals("thread_not_shareable", Api.as(Tokens.MODERATOR).post(sharing(f, hidden) + "/request", "").error());
        assertEquals(0, sharedInDatabase(hidden));

        String left = f.thread(Tokens.BO, "Bo's thread", "Words").getString("threadId");
        assertEquals(204, Api.as(Tokens.BO).delete("/api/communities/" + f.slug + "/members/me").status());
        assertEquals("author_gone", Api.as(Tokens.MODERATOR).post(sharing(f, left) + "/request", "").error());
        assertEquals(0, requestedInDatabase(left));

        assertEquals("thread_not_found", Api.as(Tokens.ADA).put(f.forum() + "/threads/not-a-uuid/sharing", "{\"shared\": true}").error());
        assertEquals("thread_not_found", Api.as(Tokens.ADA).put(f.forum() + "/threads/00000000-0000-0000-0000-000000000000/sharing",
                "{\"shared\": true}").error());
    }

    @Test
    void onlyTrueOrFalseInSoManyWordsIsAnswerAndBadInputChangesNothing() {
        ForumFixtures f = ForumFixtures.create("share-bad");
        String unshared = f.thread(Tokens.ADA, "Not shared", "Words").getString("threadId");
        String shared = f.thread(Tokens.ADA, "Shared", "Words").getString("threadId");
        assertEquals(200, Api.as(Tokens.ADA).put(sharing(f, shared), "{\"shared\": true}").status());
        List<String> bodies = List.of("{\"shared\": \"yes\"}", "{\"shared\": \"no\"}", "{\"shared\": \"true\"}",
                "{\"shared\": 1}", "{\"shared\": 0}", "{\"shared\": null}", "{\"shared\": [true]}", "{}", "{\"share\": true}",
                "[true]", "true", "\"yes\"", "null", "", "{\"shared\": tru", "not json");
        List<String> wrong = new ArrayList<>();
        for (String thread : List.of(unshared, shared)) {
            for (String body : bodies) {
                Api.Reply r = Api.as(Tokens.ADA).put(sharing(f, thread), body);
                if (r.status() != 400 || !List.of("validation_failed", "malformed_request").contains(r.error())) {
                    wrong.add(body + " -> " + r);
                }
            }
        }
        assertEquals(List.of(), wrong);
        Api.Reply text = Api.as(Tokens.ADA).send(Api.as(Tokens.ADA).builder(sharing(f, unshared))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("true")));
        assertEquals("unsupported_media_type", text.error());
        assertEquals(0, sharedInDatabase(unshared), "nothing shared by a body that did not say so");
        assertEquals(1, sharedInDatabase(shared), "nothing un-shared either: JSON-B would have read \"no\" (and \"yes\") as false");
    }
}
