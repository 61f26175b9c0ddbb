package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

/** Threads and replies as members use them, and every way bad input is refused without changing anything. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aMemberStartsAThreadOthersReplyInOrderAndReact() {
        ForumFixtures f = ForumFixtures.create("forum");
        JsonObject started = f.thread(Tokens.ADA, "First week back at work", "It was *hard*, but I made it.");
        String threadId = started.getString("threadId");
        JsonObject opening = started.getJsonObject("post");
        assertEquals(0, opening.getInt("seq"));
        assertEquals("<p>It was <em>hard</em>, but I made it.</p>", opening.getString("html").strip());
        assertTrue(started.getJsonArray("crisisSupport").isEmpty());

        String firstReply = f.reply(Tokens.BO, threadId, "Well done!").getJsonObject("post").getString("id");
        Api.Reply answer = Api.as(Tokens.ADA).post(f.forum() + "/threads/" + threadId + "/posts",
                "{\"body\": \"Thank you\", \"inReplyTo\": " + Api.str(firstReply) + "}");
        assertEquals(201, answer.status(), answer::toString);
        assertEquals(firstReply, answer.object().getJsonObject("post").getString("inReplyTo"));

        assertEquals(204, Api.as(Tokens.ADA).put(f.forum() + "/posts/" + firstReply + "/reactions/HEART", "").status());
        assertEquals(204, Api.as(Tokens.PROVIDER).put(f.forum() + "/posts/" + firstReply + "/reactions/heart", "").status());
        assertEquals(204, Api.as(Tokens.PROVIDER).put(f.forum() + "/posts/" + firstReply + "/reactions/HEART", "").status(),
                "reacting twice is harmless");
        assertEquals("reaction_invalid", Api.as(Tokens.ADA).put(f.forum() + "/posts/" + firstReply + "/reactions/DISLIKE", "").error());

        JsonObject page = Api.as(Tokens.ADA).get(f.forum() + "/threads/" + threadId).object();
        assertEquals("First week back at work", page.getJsonObject("thread").getString("title"));
        assertEquals(2, page.getJsonObject("thread").getInt("replyCount"));
        var posts = page.getJsonArray("posts");
        assertEquals(3, posts.size());
        assertEquals(List.of("Ada", "Bo", "Ada"), posts.stream().map(p -> p.asJsonObject().getString("author")).toList());
        assertEquals(2, posts.getJsonObject(1).getJsonObject("reactions").getInt("HEART"));
        assertEquals("HEART", posts.getJsonObject(1).getJsonArray("myReactions").getString(0));

        var latest = Api.as(Tokens.BO).get(f.forum() + "/threads").array();
        assertEquals(threadId, latest.getJsonObject(0).getString("id"));
        assertEquals(0, Api.as(Tokens.BO).get(f.forum() + "/threads?view=unanswered").array().size());
    }

    @Test
    void repliesGetOneOrderUnderConcurrentWriters() {
        ForumFixtures f = ForumFixtures.create("order");
        String threadId = f.thread(Tokens.ADA, "Evening check-in", "How was today?").getString("threadId");
        List<CompletableFuture<Api.Reply>> writers = new ArrayList<>();
        for (String user : List.of(Tokens.ADA, Tokens.BO, Tokens.PROVIDER, Tokens.MODERATOR)) {
            Api api = Api.as(user);
            for (int i = 0; i < 5; i++) {
                String body = user + " " + i;
                writers.add(CompletableFuture.supplyAsync(() -> api.post(f.forum() + "/threads/" + threadId + "/posts",
                        "{\"body\": " + Api.str(body) + "}")));
            }
        }
        writers.forEach(w -> assertEquals(201, w.join().status(), () -> w.join().toString()));
        var posts = Api.as(Tokens.ADA).get(f.forum() + "/threads/" + threadId).object().getJsonArray("posts");
        assertEquals(21, posts.size());
        for (int i = 0; i < posts.size(); i++) {
            assertEquals(i, posts.getJsonObject(i).getInt("seq"), "no gaps, no duplicates");
        }
    }

    @Test
    void authorsEditWithHistoryAndDeleteLeavingATombstone() {
        ForumFixtures f = ForumFixtures.create("edit");
        JsonObject started = f.thread(Tokens.ADA, "Sleep", "I sleep badly.");
        String threadId = started.getString("threadId");
        String postId = started.getJsonObject("post").getString("id");
        String reply = f.reply(Tokens.BO, threadId, "Me too").getJsonObject("post").getString("id");

        Api.Reply edited = Api.as(Tokens.ADA).put(f.forum() + "/posts/" + postId,
                "{\"title\": \"Sleep, again\", \"body\": \"I sleep badly since spring.\", \"contentWarning\": \"insomnia\"}");
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("insomnia", edited.object().getJsonObject("post").getString("contentWarning"));
        assertEquals("not_author", Api.as(Tokens.BO).put(f.forum() + "/posts/" + postId, "{\"body\": \"hijack\"}").error());
        assertEquals("not_author", Api.as(Tokens.MODERATOR).put(f.forum() + "/posts/" + postId, "{\"body\": \"x\"}").error());

        var history = Api.as(Tokens.MODERATOR).get(f.forum() + "/posts/" + postId + "/history").array();
        assertEquals(1, history.size());
        assertEquals("I sleep badly.", history.getJsonObject(0).getString("source"));
        assertEquals("Sleep", history.getJsonObject(0).getString("title"));
        assertEquals("forbidden", Api.as(Tokens.BO).get(f.forum() + "/posts/" + postId + "/history").error());

        assertEquals("not_author", Api.as(Tokens.ADA).delete(f.forum() + "/posts/" + reply).error());
        assertEquals(204, Api.as(Tokens.BO).delete(f.forum() + "/posts/" + reply).status());
        JsonObject page = Api.as(Tokens.ADA).get(f.forum() + "/threads/" + threadId).object();
        JsonObject tombstone = page.getJsonArray("posts").getJsonObject(1);
        assertEquals("DELETED", tombstone.getString("state"));
        assertTrue(Api.isNull(tombstone, "html"), "a tombstone keeps no words");
        assertEquals(1, Postgres.count("select count(*) from forum_post where id = ?::uuid and body_source is null", reply));

        assertEquals("reply_target_gone", Api.as(Tokens.ADA).post(f.forum() + "/threads/" + threadId + "/posts",
                "{\"body\": \"answer\", \"inReplyTo\": " + Api.str(reply) + "}").error());
        assertEquals("post_deleted", Api.as(Tokens.BO).put(f.forum() + "/posts/" + reply, "{\"body\": \"back\"}").error());
    }

    @Test
    void badPostsAreRefusedAndNothingIsWritten() {
        ForumFixtures f = ForumFixtures.create("badpost");
        String threads = f.forum() + "/threads";
        Api ada = Api.as(Tokens.ADA);
        String cat = Api.str(f.categoryId);
        assertEquals("title_invalid", ada.post(threads, "{\"categoryId\": " + cat + ", \"title\": \"\", \"body\": \"x\"}").error());
        assertEquals("title_invalid", ada.post(threads, "{\"categoryId\": " + cat + ", \"title\": " + Api.str("t".repeat(151))
                + ", \"body\": \"x\"}").error());
        assertEquals("title_invalid", ada.post(threads, "{\"categoryId\": " + cat + ", \"title\": \"two\\nlines\", \"body\": \"x\"}").error());
        assertEquals("body_invalid", ada.post(threads, "{\"categoryId\": " + cat + ", \"title\": \"t\", \"body\": \"   \"}").error());
        assertEquals("body_invalid", ada.post(threads, "{\"categoryId\": " + cat + ", \"title\": \"t\", \"body\": "
                + Api.str("b".repeat(20_001)) + "}").error());
        assertEquals("content_warning_invalid", ada.post(threads, "{\"categoryId\": " + cat + ", \"title\": \"t\", \"body\": \"b\","
                + " \"contentWarning\": " + Api.str("w".repeat(201)) + "}").error());
        assertEquals("category_not_found", ada.post(threads, "{\"title\": \"t\", \"body\": \"b\"}").error());
        assertEquals("category_not_found", ada.post(threads, "{\"categoryId\": \"nope\", \"title\": \"t\", \"body\": \"b\"}").error());
        assertEquals(0, Postgres.count("select count(*) from forum_thread t join community c on c.id = t.community_id"
                + " where c.slug = ?", f.slug));
    }

    @Test
    void hostileMarkdownNeverBecomesScript() {
        ForumFixtures f = ForumFixtures.create("xss");
        String body = "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>"
                + " <iframe src=\"https://evil.example\"></iframe> [x](JaVaScRiPt:alert(1)) <a href=\"#\" onclick=\"alert(1)\">y</a>"
                + "\n\n" + "> ".repeat(500) + "deep";
        String html = f.thread(Tokens.ADA, "Test", body).getJsonObject("post").getString("html").toLowerCase();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.matches("(?s).*<[^>]+\\son[a-z]+=.*"), html);
    }

    @Test
    void crisisLanguageDoesNotBlockButShowsCrisisNumbersAndAlertsModerators() {
        ForumFixtures f = ForumFixtures.create("crisis");
        JsonObject written = f.thread(Tokens.ADA, "Tonight", "I want to end my life, I can't go on.");
        String threadId = written.getString("threadId");
        assertNotNull(written.getJsonObject("post").getString("html"), "the post was published");
        var support = written.getJsonArray("crisisSupport");
        assertEquals(2, support.size());
        assertEquals("112", support.getJsonObject(0).getString("phone"));

        var queue = Api.as(Tokens.MODERATOR).get("/api/communities/" + f.slug + "/moderation/queue").array();
        JsonObject first = queue.getJsonObject(0);
        assertEquals("CRISIS", first.getString("kind"), "crisis alerts come first");
        assertTrue(first.getBoolean("urgent"));
        assertEquals(threadId, first.getString("threadId"));
        assertEquals("Ada", first.getString("member"));
        assertTrue(queue.stream().anyMatch(i -> i.asJsonObject().getString("kind").equals("WELCOME")),
                "a newcomer's first thread is marked for a welcome");
    }

    @Test
    void lockedThreadsAndMutedMembersCannotWrite() {
        ForumFixtures f = ForumFixtures.create("lock");
        String threadId = f.thread(Tokens.ADA, "Open", "Talk").getString("threadId");
        String moderation = "/api/communities/" + f.slug + "/moderation";
        assertEquals("reason_required", Api.as(Tokens.MODERATOR).post(moderation + "/threads/" + threadId + "/lock", "{}").error());
        assertEquals(204, Api.as(Tokens.MODERATOR).post(moderation + "/threads/" + threadId + "/lock",
                "{\"reason\": \"The discussion became heated\"}").status());
        Api.Reply locked = Api.as(Tokens.BO).post(f.forum() + "/threads/" + threadId + "/posts", "{\"body\": \"hello?\"}");
        assertEquals(409, locked.status());
        assertEquals("thread_locked", locked.error());

        assertEquals(204, Api.as(Tokens.MODERATOR).post(moderation + "/members/" + f.memberId + "/mute",
                "{\"reason\": \"Cooling off\", \"minutes\": 60}").status());
        Api.Reply muted = Api.as(Tokens.BO).post(f.forum() + "/threads", "{\"categoryId\": " + Api.str(f.categoryId)
                + ", \"title\": \"t\", \"body\": \"b\"}");
        assertEquals(403, muted.status());
        assertEquals("member_muted", muted.error());
        assertEquals(200, Api.as(Tokens.BO).get(f.forum() + "/threads/" + threadId).status(), "a muted member still reads");

        var notices = Api.as(Tokens.BO).get("/api/communities/" + f.slug + "/notifications").array();
        assertTrue(notices.stream().anyMatch(n -> n.asJsonObject().getString("kind").equals("MODERATION")
                && n.asJsonObject().getString("detail").contains("Cooling off")), notices.toString());
    }
}
