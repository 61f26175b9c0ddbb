package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;

/**
 * Who may read and do what in the forum: one table, every endpoint against every kind of person.
 * Each cell is an HTTP status; a refusal never reveals a closed circle (404, as for something that
 * does not exist).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumAccessIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    /** The people of the table. "invited" accepted the circle invitation; "member" was not invited. */
    private static final Map<String, Function<Void, Api>> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("anonymous", v -> Api.anonymous());
        PEOPLE.put("outsider", v -> Api.as(Tokens.CAI));
        PEOPLE.put("member", v -> Api.as(Tokens.BO));
        PEOPLE.put("author", v -> Api.as(Tokens.ADA));
        PEOPLE.put("invited", v -> Api.as(Tokens.PROVIDER));
        PEOPLE.put("moderator", v -> Api.as(Tokens.MODERATOR));
        PEOPLE.put("admin", v -> Api.as(Tokens.COMMUNITY_ADMIN));
    }

    private static ForumFixtures f;
    private static String thread;
    private static String post;
    private static String circle;
    private static String circlePost;

    @BeforeAll
    static void forum() {
        f = ForumFixtures.create("access");
        JsonObject t = f.thread(Tokens.ADA, "Community thread", "Open to members");
        thread = t.getString("threadId");
        post = t.getJsonObject("post").getString("id");
        JsonObject c = f.circle("Our circle", "Just for us");
        circle = c.getString("threadId");
        circlePost = c.getJsonObject("post").getString("id");
    }

    /** A row: what is tried, and the status each person gets, in the order of PEOPLE. */
    private record Row(String what, Function<Api, Api.Reply> call, int... expected) {
    }

    @Test
    void everyoneGetsExactlyTheAccessTheyShould() {
        String forum = f.forum();
        String mod = "/api/communities/" + f.slug + "/moderation";
        List<Row> rows = List.of(
                //                                                                        anon out  mem  auth inv  mod  adm
                new Row("list categories", a -> a.get(forum + "/categories"),            401, 403, 200, 200, 200, 200, 200),
                new Row("list threads", a -> a.get(forum + "/threads"),                   401, 403, 200, 200, 200, 200, 200),
                new Row("read thread", a -> a.get(forum + "/threads/" + thread),          401, 403, 200, 200, 200, 200, 200),
                new Row("read circle", a -> a.get(forum + "/threads/" + circle),          401, 403, 404, 200, 200, 404, 404),
                new Row("reply in circle", a -> a.post(forum + "/threads/" + circle + "/posts", "{\"body\": \"hi\"}"),
                                                                                          401, 403, 404, 201, 201, 404, 404),
                new Row("react in circle", a -> a.put(forum + "/posts/" + circlePost + "/reactions/HUG", ""),
                                                                                          401, 403, 404, 204, 204, 404, 404),
                new Row("history of circle post", a -> a.get(forum + "/posts/" + circlePost + "/history"),
                                                                                          401, 403, 404, 200, 403, 404, 404),
                new Row("edit post", a -> a.put(forum + "/posts/" + post, "{\"body\": \"edited\"}"),
                                                                                          401, 403, 403, 200, 403, 403, 403),
                new Row("post history", a -> a.get(forum + "/posts/" + post + "/history"),
                                                                                          401, 403, 403, 200, 403, 200, 200),
                new Row("react", a -> a.put(forum + "/posts/" + post + "/reactions/HUG", ""),
                                                                                          401, 403, 204, 204, 204, 204, 204),
                new Row("create category", a -> a.post(forum + "/categories", "{\"name\": \"N" + System.nanoTime() + "\"}"),
                                                                                          401, 403, 403, 403, 403, 403, 201),
                new Row("moderation queue", a -> a.get(mod + "/queue"),                   401, 403, 403, 403, 403, 200, 200),
                new Row("audit log", a -> a.get(mod + "/log"),                            401, 403, 403, 403, 403, 403, 200),
                new Row("pin thread", a -> a.post(mod + "/threads/" + thread + "/pin", "{\"reason\": \"Useful\"}"),
                                                                                          401, 403, 403, 403, 403, 204, 204),
                new Row("moderate circle post", a -> a.post(mod + "/posts/" + circlePost + "/hide", "{\"reason\": \"x\"}"),
                                                                                          401, 403, 403, 403, 403, 404, 404),
                new Row("notifications", a -> a.get("/api/communities/" + f.slug + "/notifications"),
                                                                                          401, 403, 200, 200, 200, 200, 200));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            int i = 0;
            for (var person : PEOPLE.entrySet()) {
                Api.Reply reply = row.call().apply(person.getValue().apply(null));
                if (reply.status() != row.expected()[i]) {
                    wrong.add(row.what() + " as " + person.getKey() + ": expected " + row.expected()[i] + ", got " + reply);
                }
                i++;
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void circlesAreNeverListedOrNotifiedToOutsiders() {
        String listing = Api.as(Tokens.BO).get(f.forum() + "/threads").body();
        assertEquals(-1, listing.indexOf(circle), "a circle is not in the community listing");
        String moderatorListing = Api.as(Tokens.MODERATOR).get(f.forum() + "/threads").body();
        assertEquals(-1, moderatorListing.indexOf(circle), "nor in the moderators' listing");
        String invitedCircles = Api.as(Tokens.PROVIDER).get(f.forum() + "/circles").body();
        assertEquals(true, invitedCircles.contains(circle), "the invited member sees it among their circles");
        String memberCircles = Api.as(Tokens.BO).get(f.forum() + "/circles").body();
        assertEquals(-1, memberCircles.indexOf(circle));
        // A mention of someone outside the circle does not tell them the circle exists.
        f.reply(Tokens.ADA, circle, "@Bo would understand this");
        String boNotices = Api.as(Tokens.BO).get("/api/communities/" + f.slug + "/notifications").body();
        assertEquals(-1, boNotices.indexOf(circle), boNotices);
    }
}
