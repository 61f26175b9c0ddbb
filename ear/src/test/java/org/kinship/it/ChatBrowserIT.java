package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Browser;
import org.kinship.it.support.ChatClient;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live chat as two members use it in their own browsers: Ada at a desk, Bo on a phone. They see each
 * other in the room, write to each other through the live region, and Bo's connection is cut (the
 * browser goes offline, as on a train): what Ada writes meanwhile and what Bo types meanwhile both
 * arrive once he is back, each exactly once and in order. Unread counts for rooms and direct messages
 * are checked on the way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatBrowserIT {
    private static final By LOG = By.cssSelector("[data-test='chat-log']");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static String chat(String slug) {
        return "/api/communities/" + slug + "/chat";
    }

    private static String room(String slug, String name, String kind) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).post(chat(slug) + "/rooms",
                "{\"name\": " + Api.str(name) + ", \"kind\": " + Api.str(kind) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.object().getString("id");
    }

    private static void until(Browser b, String what, java.util.function.BooleanSupplier condition) {
        // The room list is painted afresh on every change, so an element looked up a moment ago may be
        // gone by the time it is read: that is "not yet", not a failure.
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    private static void awaitStatus(Browser b, String state) {
        b.await(By.cssSelector("[data-test='chat-status'][data-state='" + state + "']"));
    }

    /** The texts of the messages in the live region, in the order shown. */
    private static List<String> messages(Browser b) {
        return b.driver().findElements(By.cssSelector("[data-test='chat-log'] [data-test='chat-message'] .post-body")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> seqs(Browser b) {
        return b.driver().findElements(By.cssSelector("[data-test='chat-log'] [data-test='chat-message']")).stream()
                .map(e -> e.getAttribute("data-seq")).toList();
    }

    private static void awaitMessage(Browser b, String text) {
        until(b, "the message '" + text + "' in the live region; it shows " + messages(b), () -> messages(b).contains(text));
    }

    private static void write(Browser b, String text) {
        WebElement input = b.driver().findElement(By.cssSelector("[data-test='chat-input']"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private static List<String> present(Browser b) {
        return b.driver().findElements(By.cssSelector("[data-test='presence'] [data-test='present']")).stream()
                .map(WebElement::getText).toList();
    }

    private static void offline(Browser b, boolean offline) {
        ChromeDriver driver = (ChromeDriver) b.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void twoMembersChatAndNothingIsLostOrDoubledWhenOneConnectionIsCut() throws Exception {
        ForumFixtures f = ForumFixtures.create("chatb");
        String cafe = room(f.slug, "Evening café", "PUBLIC");
        String parents = room(f.slug, "Parents and carers", "RESTRICTED");
        assertEquals(204, Api.as(Tokens.COMMUNITY_ADMIN).post(chat(f.slug) + "/rooms/" + parents + "/members", "{\"pseudonym\": \"Ada\"}")
                .status());
        try (ChatClient admin = ChatClient.as(Tokens.COMMUNITY_ADMIN)) {
            admin.join(parents);
            admin.sendMessage(parents, "before-1", "The school meeting is on Thursday.");
        }
        Tokens.awaitKeycloak();

        try (Browser ada = Browser.open(1280, 900); Browser bo = Browser.open(360, 800)) {
            // Ada at a desk: the list and the room side by side; the restricted room shows what she has not read.
            ada.signIn("/c/" + f.slug + "/chat/" + cafe, Tokens.ADA);
            ada.await(By.cssSelector("[data-test='chat-room'][data-room='" + cafe + "']"));
            WebElement parentsLink = ada.await(By.cssSelector("[data-test='room-link'][data-room='" + parents + "']"));
            assertEquals("1", parentsLink.getAttribute("data-unread"), "one unread message in the restricted room");
            assertTrue(parentsLink.getText().contains("1 unread"), parentsLink.getText());
            assertTrue(ada.driver().findElement(By.cssSelector("[data-test='room-list']")).isDisplayed(), "the list beside the room");
            awaitStatus(ada, "open");

            // Bo on a phone: from the community page to the chat, the list first, then the room on its own.
            bo.signIn("/c/" + f.slug, Tokens.BO);
            bo.await(By.cssSelector("[data-test='chat-link']")).click();
            WebElement cafeLink = bo.await(By.cssSelector("[data-test='room-link'][data-room='" + cafe + "']"));
            assertTrue(bo.driver().findElements(By.cssSelector("[data-test='room-link'][data-room='" + parents + "']")).isEmpty(),
                    "Bo is not in the restricted room and does not see it");
            assertTrue(bo.scrollWidth() <= 360, "the room list fits a phone");
            bo.screenshot("chat-rooms-360");
            cafeLink.click();
            bo.await(By.cssSelector("[data-test='chat-room'][data-room='" + cafe + "']"));
            assertFalse(bo.driver().findElement(By.cssSelector("[data-test='room-list']")).isDisplayed(),
                    "on a phone the room has the screen to itself");
            awaitStatus(bo, "open");

            until(ada, "Ada sees Bo here: " + present(ada), () -> present(ada).contains("Bo"));
            until(bo, "Bo sees Ada here: " + present(bo), () -> present(bo).contains("Ada"));

            WebElement log = bo.driver().findElement(LOG);
            assertEquals("log", log.getAttribute("role"));
            assertEquals("polite", log.getAttribute("aria-live"));
            write(ada, "Hello from Ada");
            awaitMessage(bo, "Hello from Ada");
            assertTrue(log.getText().contains("Hello from Ada"), "the live region holds the new message: " + log.getText());
            write(bo, "Hi Ada, Bo here");
            awaitMessage(ada, "Hi Ada, Bo here");
            assertTrue(bo.scrollWidth() <= 360, "the room fits a phone");
            bo.screenshot("chat-room-360");
            ada.screenshot("chat-room-1280");

            // Bo's phone loses its network. Ada goes on writing; Bo writes too, and his message waits.
            offline(bo, true);
            awaitStatus(bo, "reconnecting");
            write(ada, "Are you still there?");
            write(ada, "The café is open until ten");
            awaitMessage(ada, "The café is open until ten");
            write(bo, "Typed on the train");
            WebElement pending = bo.await(By.cssSelector("[data-test='chat-outbox'] [data-test='chat-pending']"));
            assertTrue(pending.getText().contains("Sending"), pending.getText());
            assertTrue(pending.getText().contains("Typed on the train"), pending.getText());
            bo.screenshot("chat-offline-360");
            Thread.sleep(1500);
            assertFalse(messages(bo).contains("Are you still there?"), "nothing arrives while offline");

            offline(bo, false);
            awaitStatus(bo, "open");
            awaitMessage(bo, "The café is open until ten");
            awaitMessage(bo, "Typed on the train");
            bo.awaitGone(By.cssSelector("[data-test='chat-pending']"));
            awaitMessage(ada, "Typed on the train");
            until(ada, "Bo is back for Ada: " + present(ada), () -> present(ada).contains("Bo"));

            List<String> expected = List.of("Hello from Ada", "Hi Ada, Bo here", "Are you still there?", "The café is open until ten",
                    "Typed on the train");
            assertEquals(expected, messages(bo), "Bo has every message once, in order");
            assertEquals(List.of("1", "2", "3", "4", "5"), seqs(bo), "no gap and no duplicate");
            assertEquals(expected, messages(ada), "Ada has Bo's queued message once");
            assertEquals(List.of("1", "2", "3", "4", "5"), seqs(ada));

            // Words that suggest a crisis: the community's numbers beside the chat box, in a region that is announced.
            write(ada, "I want to kill myself tonight");
            WebElement support = ada.await(By.cssSelector("[data-test='chat-support-slot'] [data-test='chat-crisis']"));
            assertEquals("polite", ada.driver().findElement(By.cssSelector("[data-test='chat-support-slot']")).getAttribute("aria-live"));
            assertTrue(support.getText().contains("116 123"), support.getText());
            assertTrue(bo.driver().findElements(By.cssSelector("[data-test='chat-crisis']")).isEmpty(), "only the writer sees it");

            // A direct message from Bo's other device shows as unread on Ada's list at once.
            try (ChatClient boElsewhere = ChatClient.as(Tokens.BO)) {
                boElsewhere.send(ChatClient.json("type", "open_dm", "community", f.slug, "pseudonym", "Ada"));
                String dm = boElsewhere.next("dm").getString("room");
                boElsewhere.join(dm);
                boElsewhere.sendMessage(dm, "dm-1", "Can I ask you something privately?");
                By dmLink = By.cssSelector("[data-test='room-link'][data-room='" + dm + "']");
                ada.await(dmLink);
                // The list is painted afresh on each change: look the link up each time.
                until(ada, "the DM shows one unread", () -> "1".equals(ada.driver().findElement(dmLink).getAttribute("data-unread")));
                assertTrue(ada.driver().findElement(dmLink).getText().contains("With Bo"), ada.driver().findElement(dmLink).getText());
            }
            ada.screenshot("chat-unread-1280");
        }
    }
}
