package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.settings;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.it.support.Api;
import org.kinship.it.support.Browser;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.FakePeer;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Federation as a community admin and its members meet it in the browser, on a phone: the admin reads what
 * each mode means, switches to an allow-list, adds a host and removes it again, and is told in the server's
 * words when what she typed is no host at all or when following needs federation on; a member never sees
 * the settings; and a thread that came from a followed community elsewhere says where it comes from, with a
 * link to the original. The community elsewhere is {@link FakePeer} on loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationSettingsBrowserIT {
    private static final By SECTION = By.cssSelector("section[data-test='federation']");
    private static final By ALLOWED_FORM = By.cssSelector("form[data-test='fed-allowed-form']");
    @RegisterExtension
    static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static JsonObject view(String slug) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).get(settings(slug));
        assertEquals(200, r.status(), r::toString);
        return r.object();
    }

    private static Object script(Browser b, String js, Object... args) {
        return ((JavascriptExecutor) b.driver()).executeScript(js, args);
    }

    private static By entry(String list, String target) {
        return By.cssSelector("ul[data-test='fed-" + list + "'] li[data-target='" + target + "']");
    }

    @Test
    void theAdminSwitchesToAnAllowListAddsAHostAndRemovesIt() {
        String slug = Fixtures.community("fedui", "OPEN");
        Tokens.awaitKeycloak();
        try (Browser admin = Browser.open(360, 800)) {
            admin.signIn("/c/" + slug + "/settings", Tokens.COMMUNITY_ADMIN);
            WebElement section = admin.await(SECTION);
            String text = section.getText();
            assertTrue(text.contains("Now: Off"), "the mode in force, in words: " + text);
            assertTrue(text.contains("Nothing leaves this community and nothing comes in"), text);
            assertTrue(text.contains("Only the servers and communities on the allow-list"), text);
            assertTrue(text.contains("except those on the block-list"), text);
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='fed-mode-off']")).isSelected(), "off by default");
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='fed-follow-off']")).isDisplayed(),
                    "the follow box says federation must be on first");

            // Following while federation is off: the server refuses, and says why beside the form.
            WebElement follow = admin.driver().findElement(By.cssSelector("[data-test='fed-follow-input']"));
            follow.sendKeys("walks@lemmy.example");
            follow.sendKeys(Keys.ENTER);
            WebElement refused = admin.await(By.cssSelector("form[data-test='fed-follow-form'] [data-test='form-error']"));
            assertEquals("federation_off", refused.getAttribute("data-code"));
            assertEquals("alert", refused.getAttribute("role"));
            assertTrue(refused.getText().contains("Switch federation on"), refused.getText());
            assertEquals(0, view(slug).getJsonArray("following").size());

            // Choosing a mode sends nothing until it is saved: moving through the radios by keyboard is safe.
            WebElement allowList = admin.driver().findElement(By.cssSelector("[data-test='fed-mode-allow_list']"));
            allowList.click();
            assertEquals("off", view(slug).getString("mode"), "a choice alone changes nothing");
            admin.driver().findElement(By.cssSelector("[data-test='fed-mode-save']")).click();
            WebElement saved = admin.await(By.cssSelector("[data-test='fed-mode-saved']"));
            assertTrue(saved.getText().contains("only the servers and communities on the allow-list"), saved.getText());
            assertEquals("allow_list", view(slug).getString("mode"));
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='fed-state']")).getText().contains("Only those you list"));
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='fed-allowed-use']")).getText().startsWith("In use now"));
            assertFalse(admin.driver().findElement(By.cssSelector("[data-test='fed-follow-off']")).isDisplayed());

            // A host, as typed (the server keeps it in lower case).
            WebElement input = admin.driver().findElement(By.cssSelector("[data-test='fed-allowed-input']"));
            input.sendKeys("Walks.Example.ORG");
            input.sendKeys(Keys.ENTER);
            WebElement added = admin.await(entry("allowed", "walks.example.org"));
            assertTrue(added.getText().contains("walks.example.org"), added.getText());
            assertTrue(admin.await(By.cssSelector("[data-test='fed-added']")).getText().contains("Added walks.example.org"));
            JsonArray allowed = view(slug).getJsonArray("allowed");
            assertEquals(1, allowed.size(), allowed::toString);
            assertEquals("walks.example.org", allowed.getJsonObject(0).getString("target"));
            assertEquals(input, admin.driver().switchTo().activeElement(), "focus stays in the box for the next one");

            // No host at all: the server's own words, on the box, and nothing stored.
            input.sendKeys("not a host!");
            input.sendKeys(Keys.ENTER);
            WebElement error = admin.await(By.cssSelector("form[data-test='fed-allowed-form'] [data-test='form-error']"));
            assertEquals("federation_target_invalid", error.getAttribute("data-code"));
            assertEquals("alert", error.getAttribute("role"));
            assertTrue(error.getText().contains("Give a host (example.org), a community's address (https://…) or a handle"),
                    "the server's message: " + error.getText());
            assertEquals("true", input.getAttribute("aria-invalid"));
            assertTrue(input.getAttribute("aria-describedby").contains(error.getAttribute("id")), "the error is tied to the box");
            assertEquals(1, view(slug).getJsonArray("allowed").size(), "a refused entry changed nothing");
            assertTrue(admin.scrollWidth() <= 360, "the federation settings fit a phone");
            script(admin, "arguments[0].scrollIntoView()", admin.driver().findElement(ALLOWED_FORM));
            admin.screenshot("federation-allow-list-error-360");

            // Removing it: gone from the page and from the server, and focus lands somewhere that makes sense.
            admin.driver().findElement(entry("allowed", "walks.example.org")).findElement(By.cssSelector("[data-test='fed-remove']")).click();
            admin.awaitGone(entry("allowed", "walks.example.org"));
            assertEquals(0, view(slug).getJsonArray("allowed").size());
            assertEquals("fed-allowed-title", admin.driver().switchTo().activeElement().getAttribute("id"));
            assertTrue(admin.driver().findElement(By.cssSelector("ul[data-test='fed-allowed'] + p.empty")).isDisplayed(),
                    "an empty list says so");

            // By keyboard alone: arrow to "Open" and press Enter to save it.
            WebElement chosen = admin.driver().findElement(By.cssSelector("[data-test='fed-mode-allow_list']"));
            chosen.sendKeys(Keys.ARROW_DOWN);
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='fed-mode-open']")).isSelected());
            assertEquals("allow_list", view(slug).getString("mode"), "arrowing through the choices sends nothing");
            admin.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            admin.await(By.cssSelector("[data-test='fed-mode-saved']"));
            assertEquals("open", view(slug).getString("mode"));
            assertTrue(admin.driver().findElement(By.cssSelector("[data-test='fed-blocked-use']")).getText().startsWith("In use now"));
            script(admin, "arguments[0].scrollIntoView()", admin.driver().findElement(SECTION));
            admin.screenshot("federation-settings-360");
        }
    }

    @Test
    void aMemberSeesNoFederationSettings() {
        String slug = Fixtures.community("fedui-member", "OPEN");
        Fixtures.join(Tokens.BO, slug, "Bo Elsewhere");
        Tokens.awaitKeycloak();
        try (Browser bo = Browser.open(360, 800)) {
            bo.signIn("/c/" + slug + "/settings", Tokens.BO);
            WebElement main = bo.await(By.cssSelector("main h1"));
            String page = bo.driver().findElement(By.tagName("main")).getText();
            assertTrue(page.contains("Only admins of"), "the refusal: " + main.getText() + " / " + page);
            assertTrue(bo.driver().findElements(SECTION).isEmpty(), "no federation section for a member");
            assertTrue(bo.driver().findElements(By.cssSelector("[data-test='fed-mode-form']")).isEmpty());
        }
        assertEquals(403, Api.as(Tokens.BO).get(settings(slug)).status());
    }

    @Test
    void aThreadFromAFollowedCommunitySaysWhereItComesFrom() {
        ForumFixtures f = ForumFixtures.create("fedui-origin");
        Api admin = Api.as(Tokens.COMMUNITY_ADMIN);
        assertEquals(200, admin.put(settings(f.slug) + "/mode", "{\"mode\": \"open\"}").status());
        String suffix = f.slug.substring(f.slug.length() - 8);
        FakePeer.Actor group = peer.actor("walks-" + suffix, "Group");
        FakePeer.Actor author = peer.actor("alice-" + suffix, "Person");
        Api.Reply followed = admin.post(settings(f.slug) + "/following", "{\"target\": " + Api.str(group.id().toString()) + "}");
        assertEquals(200, followed.status(), followed::toString);
        String handle = "walks-" + suffix + "@" + peer.host();
        assertEquals(handle, followed.object().getJsonArray("following").getJsonObject(0).getString("handle"));

        // The group announces a thread one of its members started there (FEP-1b12, as Lemmy does).
        String pageId = peer.newId("post");
        String title = "Autumn walk by the river " + suffix;
        JsonObject page = Json.createObjectBuilder()
                .add("id", pageId).add("type", "Page").add("attributedTo", author.id().toString())
                .add("name", title).add("content", "<p>We met at the bridge and walked slowly. Join us next time.</p>")
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                .add("audience", group.id().toString()).add("published", Instant.now().toString())
                .build();
        JsonObject create = Json.createObjectBuilder()
                .add("id", peer.newId("create")).add("type", "Create").add("actor", author.id().toString())
                .add("object", page).add("audience", group.id().toString())
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                .build();
        JsonObject announce = Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", peer.newId("announce")).add("type", "Announce").add("actor", group.id().toString())
                .add("object", create)
                .add("to", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams#Public"))
                .add("cc", Json.createArrayBuilder().add(group.id() + "/followers"))
                .build();
        URI inbox = URI.create(Api.baseUrl() + "/ap/communities/" + f.slug + "/inbox");
        HttpResponse<String> sent = peer.post(inbox, announce, group);
        assertEquals(202, sent.statusCode(), sent::body);

        String local = f.thread(Tokens.ADA, "Written here " + suffix, "A thread of our own.").getString("threadId");
        JsonArray threads = Api.as(Tokens.ADA).get(f.forum() + "/threads").array();
        JsonObject remote = threads.stream().map(JsonValue::asJsonObject).filter(t -> title.equals(t.getString("title")))
                .findFirst().orElseThrow(() -> new AssertionError("the announced thread is listed: " + threads));
        assertEquals(handle, remote.getJsonObject("origin").getString("handle"), remote::toString);
        assertEquals(pageId, remote.getJsonObject("origin").getString("url"));
        JsonObject ours = threads.stream().map(JsonValue::asJsonObject).filter(t -> local.equals(t.getString("id")))
                .findFirst().orElseThrow();
        assertFalse(ours.containsKey("origin"), "a thread written here has no origin: " + ours);
        String remoteId = remote.getString("id");
        JsonObject thread = Api.as(Tokens.ADA).get(f.forum() + "/threads/" + remoteId).object().getJsonObject("thread");
        assertEquals(handle, thread.getJsonObject("origin").getString("handle"), "the thread page says it too");

        Tokens.awaitKeycloak();
        try (Browser ada = Browser.open(360, 800)) {
            ada.signIn("/c/" + f.slug + "/forum", Tokens.ADA);
            ada.await(By.cssSelector("[data-test='threads']"));
            WebElement item = ada.driver().findElements(By.cssSelector("[data-test='thread']")).stream()
                    .filter(e -> e.getText().contains(title)).findFirst().orElseThrow();
            WebElement origin = item.findElement(By.cssSelector("[data-test='origin']"));
            assertTrue(origin.getText().startsWith("From " + handle), origin.getText());
            WebElement link = origin.findElement(By.tagName("a"));
            assertEquals(pageId, link.getAttribute("href"));
            assertEquals("noopener nofollow ugc", link.getAttribute("rel"));
            assertEquals("_blank", link.getAttribute("target"));
            WebElement mine = ada.driver().findElements(By.cssSelector("[data-test='thread']")).stream()
                    .filter(e -> e.getText().contains("Written here " + suffix)).findFirst().orElseThrow();
            assertTrue(mine.findElements(By.cssSelector("[data-test='origin']")).isEmpty(), "ours says nothing of the kind");
            assertTrue(ada.scrollWidth() <= 360, "the forum fits a phone");
            ada.screenshot("forum-thread-from-elsewhere-360");

            item.findElement(By.cssSelector("h3 a")).click();
            ada.awaitUrlContaining("/forum/t/" + remoteId);
            // Read inside the wait: the thread page paints its header again when its data arrives.
            String metaLink = ada.awaitRead(By.cssSelector("p.thread-meta [data-test='origin']"),
                    e -> e.getText() + " -> " + e.findElement(By.tagName("a")).getAttribute("href"),
                    s -> s.startsWith("From " + handle));
            assertTrue(metaLink.endsWith(" -> " + pageId), metaLink);
            assertTrue(ada.driver().findElements(By.cssSelector("article[data-test='post'] [data-test='origin']")).isEmpty(),
                    "the opening post does not say it again");
            assertTrue(ada.scrollWidth() <= 360, "the thread fits a phone");
            ada.screenshot("thread-from-elsewhere-360");
        }
    }
}
