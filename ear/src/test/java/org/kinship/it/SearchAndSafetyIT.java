package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Tokens;

/** Search returns only what the searcher may read; admins edit the crisis word list. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchAndSafetyIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static JsonArray search(String user, ForumFixtures f, String q) {
        Api.Reply r = Api.as(user).get(f.forum() + "/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r::toString);
        return r.array();
    }

    @Test
    void searchFindsWordsButNeverWhatTheSearcherMayNotRead() {
        ForumFixtures f = ForumFixtures.create("search");
        String open = f.thread(Tokens.ADA, "Gardening helps", "Planting tulips calms me down").getString("threadId");
        String circle = f.circle("Private circle", "Tulips remind me of my sister").getString("threadId");
        String hiddenThread = f.thread(Tokens.BO, "Tulips everywhere", "More tulips").getString("threadId");
        assertEquals(204, Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/threads/" + hiddenThread
                + "/hide", "{\"reason\": \"Spam\"}").status());

        JsonArray asMember = search(Tokens.PROVIDER, f, "tulips");
        // The invited circle member (provider) sees the open thread and the circle, not the hidden thread.
        assertTrue(asMember.stream().anyMatch(h -> h.asJsonObject().getString("threadId").equals(open)));
        assertTrue(asMember.stream().anyMatch(h -> h.asJsonObject().getString("threadId").equals(circle)));
        assertFalse(asMember.stream().anyMatch(h -> h.asJsonObject().getString("threadId").equals(hiddenThread)));

        JsonArray asModerator = search(Tokens.MODERATOR, f, "TULIPS");
        assertTrue(asModerator.stream().anyMatch(h -> h.asJsonObject().getString("threadId").equals(hiddenThread)),
                "moderators find hidden threads");
        assertFalse(asModerator.stream().anyMatch(h -> h.asJsonObject().getString("threadId").equals(circle)),
                "but never a closed circle they are not in");

        JsonArray byTitle = search(Tokens.ADA, f, "gardening");
        assertEquals(1, byTitle.size());
        assertEquals(open, byTitle.getJsonObject(0).getString("threadId"));
        assertEquals(0, search(Tokens.ADA, f, "nothing-like-this-anywhere").size());

        assertEquals("validation_failed", Api.as(Tokens.ADA).get(f.forum() + "/search?q=").error());
        assertEquals("validation_failed", Api.as(Tokens.ADA).get(f.forum() + "/search?q=a").error());
        assertEquals(403, Api.as(Tokens.CAI).get(f.forum() + "/search?q=tulips").status(), "outsiders cannot search");
        assertEquals(401, Api.anonymous().get(f.forum() + "/search?q=tulips").status());
    }

    @Test
    void adminsReplaceTheCrisisWordListAndItTakesEffect() {
        ForumFixtures f = ForumFixtures.create("phrases");
        String phrases = "/api/communities/" + f.slug + "/safety/phrases";
        var defaults = Api.as(Tokens.MODERATOR).get(phrases).object();
        assertFalse(defaults.getBoolean("custom"));
        assertTrue(defaults.getJsonArray("phrases").size() > 20);
        assertEquals(403, Api.as(Tokens.MODERATOR).put(phrases, "{\"phrases\": [\"x\"]}").status(), "only admins edit");
        assertEquals(403, Api.as(Tokens.BO).get(phrases).status(), "members do not read the list");

        assertEquals("validation_failed", Api.as(Tokens.COMMUNITY_ADMIN).put(phrases, "{\"phrases\": []}").error());
        assertEquals("validation_failed", Api.as(Tokens.COMMUNITY_ADMIN).put(phrases, "{\"phrases\": [\"sui*cide\"]}").error());
        assertEquals("validation_failed", Api.as(Tokens.COMMUNITY_ADMIN).put(phrases, "{\"phrases\": [\"# only a comment\"]}").error(),
                "a list of comments alone would never alert");
        assertFalse(Api.as(Tokens.MODERATOR).get(phrases).object().getBoolean("custom"), "a refused list changed nothing");

        var custom = Api.as(Tokens.COMMUNITY_ADMIN).put(phrases, "{\"phrases\": [\"dark cloud*\", \"give up\"]}");
        assertEquals(200, custom.status(), custom::toString);
        assertTrue(custom.object().getBoolean("custom"));

        var alerting = f.thread(Tokens.ADA, "Today", "A dark cloudy day, I want to give up.");
        assertEquals(2, alerting.getJsonArray("crisisSupport").size(), "the community's own phrases alert");
        var defaultOnly = f.thread(Tokens.ADA, "Tonight", "I want to end my life.");
        assertEquals(0, defaultOnly.getJsonArray("crisisSupport").size(), "the default list no longer applies");

        assertFalse(Api.as(Tokens.COMMUNITY_ADMIN).delete(phrases).object().getBoolean("custom"));
        assertEquals(2, f.thread(Tokens.ADA, "Again", "I want to end my life.").getJsonArray("crisisSupport").size());
    }
}
