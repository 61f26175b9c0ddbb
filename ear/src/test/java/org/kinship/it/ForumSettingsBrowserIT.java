package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Browser;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The forum's three settings-like pages as people use them: a member searches (and finds nothing of a
 * closed circle she is not in), a member turns the e-mail digest on, and an admin adds a crisis phrase
 * that then alerts when a member writes it, while a member who opens the page is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumSettingsBrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static List<String> hitThreads(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[data-test='search-hit']")).stream()
                .map(e -> e.getAttribute("data-thread")).toList();
    }

    @Test
    void aMemberSearchesAndNeverFindsACircleSheIsNotIn() {
        ForumFixtures f = ForumFixtures.create("fsearch");
        String open = f.thread(Tokens.ADA, "Marigolds on the balcony", "Watering the marigolds every morning gives the day a shape.")
                .getString("threadId");
        String circle = f.circle("Only for Pia and me", "The marigolds were my sister's favourite flowers.").getString("threadId");
        // The circle is findable by someone in it, so its absence below is the access rule at work, not a search that fails.
        JsonArray asPia = Api.as(Tokens.PROVIDER).get(f.forum() + "/search?q=marigolds").array();
        assertTrue(asPia.stream().anyMatch(h -> h.asJsonObject().getString("threadId").equals(circle)), asPia::toString);
        Tokens.awaitKeycloak();

        try (Browser bo = Browser.open(360, 800)) {
            bo.signIn("/c/" + f.slug + "/forum", Tokens.BO);
            WebElement box = bo.await(By.cssSelector("form[data-test='search-form'] input[name='q']"));
            box.sendKeys("marigolds");
            bo.driver().findElement(By.cssSelector("form[data-test='search-form'] button[type='submit']")).click();
            bo.awaitUrlContaining("/forum/search?q=marigolds");
            WebElement results = bo.await(By.cssSelector("[data-test='search-results']"));
            List<String> found = hitThreads(bo);
            assertTrue(found.contains(open), "the open thread is found: " + found);
            assertFalse(found.contains(circle), "the circle Bo is not in is never found: " + found);
            assertFalse(results.getText().contains("Only for Pia") || results.getText().contains("sister"), results.getText());
            WebElement first = bo.driver().findElement(By.cssSelector("[data-test='search-hit'][data-thread='" + open + "']"));
            assertTrue(first.getText().contains("Marigolds on the balcony"), first.getText());
            assertFalse(first.findElements(By.cssSelector("[data-test='search-excerpt'] mark")).isEmpty(), "the word is marked");
            assertTrue(bo.scrollWidth() <= 360, "the results fit a phone");
            bo.screenshot("forum-search-360");

            first.findElement(By.cssSelector("h3 a")).click();
            bo.awaitUrlContaining("/forum/t/" + open);
            bo.await(By.cssSelector("article[data-test='post'][data-seq='0']"));

            // What the server will not search for is said beside the box, in the server's words.
            bo.go("/c/" + f.slug + "/forum/search?q=" + URLEncoder.encode("a", StandardCharsets.UTF_8));
            WebElement error = bo.await(By.cssSelector("form[data-test='search-form'] [data-test='form-error']"));
            assertEquals("validation_failed", error.getAttribute("data-code"));
            assertTrue(error.getText().contains("at least two letters"), error.getText());
            assertEquals("true", bo.driver().findElement(By.name("q")).getAttribute("aria-invalid"));

            WebElement q = bo.driver().findElement(By.name("q"));
            q.clear();
            q.sendKeys("zebracrossing nowhere");
            q.sendKeys(Keys.ENTER);
            WebElement summary = bo.await(By.cssSelector("[data-test='search-summary']"));
            assertTrue(summary.getText().contains("Nothing found"), summary.getText());
            assertTrue(hitThreads(bo).isEmpty());
        }
    }

    @Test
    void aMemberSavesTheDigestAndSeesItAfterAReload() {
        ForumFixtures f = ForumFixtures.create("fdigest");
        String digest = "/api/communities/" + f.slug + "/digest";
        Tokens.awaitKeycloak();
        try (Browser bo = Browser.open(360, 800)) {
            bo.signIn("/c/" + f.slug, Tokens.BO);
            bo.await(By.cssSelector("[data-test='digest-link']")).click();
            WebElement form = bo.await(By.cssSelector("form[data-test='digest-form']"));
            assertTrue(bo.driver().findElement(By.cssSelector("[data-test='digest-state']")).getText().contains("off"));
            assertTrue(form.findElement(By.cssSelector("[data-test='digest-off']")).isSelected(), "off by default");

            form.findElement(By.cssSelector("[data-test='digest-weekly']")).click();
            WebElement email = form.findElement(By.name("email"));
            email.sendKeys("bo at example");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement error = bo.await(By.cssSelector("form[data-test='digest-form'] [data-test='form-error']"));
            assertEquals("email_invalid", error.getAttribute("data-code"));
            assertTrue(email.getAttribute("aria-describedby").contains(error.getAttribute("id")), "the error is tied to the field");
            assertEquals("OFF", Api.as(Tokens.BO).get(digest).object().getString("frequency"), "a refused address changed nothing");
            bo.screenshot("digest-error-360");

            email.clear();
            email.sendKeys("bo@example.org");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement saved = bo.await(By.cssSelector("[data-test='digest-saved']"));
            assertTrue(saved.getText().contains("weekly") && saved.getText().contains("bo@example.org"), saved.getText());

            bo.driver().navigate().refresh();
            form = bo.await(By.cssSelector("form[data-test='digest-form']"));
            assertTrue(form.findElement(By.cssSelector("[data-test='digest-weekly']")).isSelected(), "weekly after a reload");
            assertEquals("bo@example.org", form.findElement(By.name("email")).getAttribute("value"));
            JsonObject stored = Api.as(Tokens.BO).get(digest).object();
            assertEquals("WEEKLY", stored.getString("frequency"));
            assertEquals("bo@example.org", stored.getString("email"));
            assertTrue(bo.scrollWidth() <= 360, "the digest page fits a phone");
            bo.screenshot("digest-saved-360");
        } finally {
            // No digest may go out from this test (DigestIT checks who its SMTP server hears from).
            Api.as(Tokens.BO).put(digest, "{\"frequency\": \"OFF\", \"email\": null}");
        }
    }

    @Test
    void anAdminAddsACrisisPhraseThatThenAlertsAndAMemberIsRefused() {
        ForumFixtures f = ForumFixtures.create("fsafety");
        String phrases = "/api/communities/" + f.slug + "/safety/phrases";
        assertEquals(0, f.thread(Tokens.ADA, "Weather", "A sodden quagmire of a day.").getJsonArray("crisisSupport").size(),
                "the default list does not know the phrase");
        Tokens.awaitKeycloak();

        try (Browser admin = Browser.open(1280, 900)) {
            admin.signIn("/c/" + f.slug, Tokens.COMMUNITY_ADMIN);
            admin.await(By.cssSelector("[data-test='safety-link']")).click();
            admin.await(By.cssSelector("[data-test='phrase-editor']"));
            WebElement state = admin.driver().findElement(By.cssSelector("[data-test='safety-state']"));
            assertTrue(state.getText().contains("default list"), state.getText());

            WebElement input = admin.driver().findElement(By.cssSelector("[data-test='new-phrase']"));
            input.sendKeys("sodden quagmire");
            input.sendKeys(Keys.ENTER);
            admin.await(By.cssSelector("li[data-phrase='sodden quagmire']"));
            input.sendKeys("ab*");
            input.sendKeys(Keys.ENTER);
            admin.await(By.cssSelector("li[data-phrase='ab*']"));
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='unsaved']")).isDisplayed());

            // The server refuses the whole list and says which phrase and why; nothing is saved.
            admin.driver().findElement(By.cssSelector("[data-test='save-phrases']")).click();
            WebElement error = admin.await(By.cssSelector(".save-box [data-test='form-error']"));
            assertEquals("validation_failed", error.getAttribute("data-code"));
            assertTrue(error.getText().contains("ab*") && error.getText().contains("3 letters"), error.getText());
            assertFalse(Api.as(Tokens.COMMUNITY_ADMIN).get(phrases).object().getBoolean("custom"), "a refused list changed nothing");

            admin.driver().findElement(By.cssSelector("li[data-phrase='ab*'] [data-test='remove-phrase']")).click();
            admin.awaitGone(By.cssSelector("li[data-phrase='ab*']"));
            admin.driver().findElement(By.cssSelector("[data-test='save-phrases']")).click();
            WebElement saved = admin.await(By.cssSelector("[data-test='phrases-saved']"));
            assertTrue(saved.getText().contains("Saved"), saved.getText());
            admin.screenshot("crisis-words-saved-1280");

            admin.driver().navigate().refresh();
            admin.await(By.cssSelector("li[data-phrase='sodden quagmire']"));
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='safety-state']")).getText().contains("its own list"));
            assertFalse(admin.driver().findElements(By.cssSelector("li[data-phrase='ab*']")).size() > 0);
            admin.driver().manage().window().setSize(new Dimension(360, 800));
            assertTrue(admin.scrollWidth() <= 360, "the crisis word page fits a phone");
            admin.screenshot("crisis-words-360");
            ((JavascriptExecutor) admin.driver()).executeScript("arguments[0].scrollIntoView()",
                    admin.driver().findElement(By.cssSelector("[data-test='add-phrase']")));
            admin.screenshot("crisis-words-list-360");
        }
        JsonObject stored = Api.as(Tokens.COMMUNITY_ADMIN).get(phrases).object();
        assertTrue(stored.getBoolean("custom"));
        assertTrue(stored.getJsonArray("phrases").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals("sodden quagmire")), stored::toString);

        String threadPath;
        try (Browser ada = Browser.open(360, 800)) {
            ada.signIn("/c/" + f.slug + "/forum/new", Tokens.ADA);
            WebElement form = ada.await(By.cssSelector("form[data-test='thread-form']"));
            new Select(form.findElement(By.name("category"))).selectByValue(f.categoryId);
            form.findElement(By.name("title")).sendKeys("Another grey one");
            form.findElement(By.name("body")).sendKeys("Honestly, everything feels like a sodden quagmire.");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement support = ada.await(By.cssSelector("[data-test='crisis-support']"));
            assertTrue(support.getText().contains("116 123"), "the community's crisis numbers: " + support.getText());
            threadPath = support.findElement(By.cssSelector("a.button")).getAttribute("href");
            ada.screenshot("crisis-support-after-custom-phrase-360");
        }
        JsonArray queue = Api.as(Tokens.MODERATOR).get("/api/communities/" + f.slug + "/moderation/queue").array();
        JsonObject alert = queue.getJsonObject(0);
        assertEquals("CRISIS", alert.getString("kind"), queue::toString);
        assertTrue(alert.getBoolean("urgent"));
        assertTrue(threadPath.endsWith("/forum/t/" + alert.getString("threadId")), threadPath);

        try (Browser bo = Browser.open(1280, 900)) {
            bo.signIn("/c/" + f.slug, Tokens.BO);
            bo.await(By.cssSelector("[data-test='member-home']"));
            assertTrue(bo.driver().findElements(By.cssSelector("[data-test='safety-link']")).isEmpty(), "no link for a member");
            bo.go("/c/" + f.slug + "/safety");
            WebElement refusal = bo.await(By.cssSelector("main p"));
            String page = bo.driver().findElement(By.tagName("main")).getText();
            assertTrue(page.contains("Only moderators of"), "the server's refusal is shown: " + page);
            assertTrue(bo.driver().findElements(By.cssSelector("[data-test='phrase-editor']")).isEmpty());
            assertFalse(page.contains("sodden quagmire"), refusal.getText());
        }
    }
}
