package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Sharing as people see it on a phone: the author shares their thread from its page (and answers a
 * moderator's request there), and another member reads, before writing a reply, that it will be seen
 * in other communities too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadSharingBrowserIT {
    private static final String NOTICE = "This thread is shared with other communities: your reply will be visible there too,"
            + " under your pseudonym.";
    private static final By SHARED_MARK = By.cssSelector("[data-mark='shared']");
    private static final By REPLY_NOTICE = By.cssSelector("form[data-test='reply-form'] [data-test='share-notice']");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void theAuthorSharesAndAnotherMemberIsToldBeforeReplying() {
        ForumFixtures f = ForumFixtures.create("sbrowser");
        String thread = f.thread(Tokens.ADA, "Finding a job after illness", "What helped you go back?").getString("threadId");
        String asked = f.thread(Tokens.ADA, "Sleep routines", "What works for you?").getString("threadId");
        assertEquals(200, Api.as(Tokens.MODERATOR).post(f.forum() + "/threads/" + asked + "/sharing/request", "").status());
        String threadPath = "/c/" + f.slug + "/forum/t/" + thread;
        Tokens.awaitKeycloak();

        try (Browser member = Browser.open(360, 800); Browser author = Browser.open(360, 800)) {
            member.signIn(threadPath, Tokens.BO);
            member.await(By.cssSelector("form[data-test='reply-form']"));
            assertFalse(displayed(member, REPLY_NOTICE), "no notice while the thread stays in the community");
            assertFalse(displayed(member, SHARED_MARK));
            assertTrue(member.driver().findElements(By.cssSelector("[data-test='sharing']")).isEmpty(),
                    "only the author and moderators have the sharing box");

            author.signIn(threadPath, Tokens.ADA);
            WebElement box = author.await(By.cssSelector("section[data-test='sharing']"));
            assertTrue(box.getText().contains("Share beyond this community"), box.getText());
            assertTrue(box.getText().contains("copies already sent may remain"), "the author is told what it means: " + box.getText());
            box.findElement(By.cssSelector("[data-test='share']")).click();
            author.await(By.cssSelector("[data-test='stop-sharing']"));
            assertTrue(author.await(SHARED_MARK).getText().contains("Shared with other communities"));
            assertTrue(author.scrollWidth() <= 360, "the thread fits a phone");
            author.screenshot("sharing-author-360");

            member.go(threadPath);
            WebElement notice = member.await(REPLY_NOTICE);
            assertEquals(NOTICE, notice.getText());
            assertTrue(displayed(member, SHARED_MARK), "the thread carries the mark for everyone");
            Object before = script(member, "const ta = document.querySelector(\"form[data-test='reply-form'] textarea\");"
                    + " return Boolean(arguments[0].compareDocumentPosition(ta) & Node.DOCUMENT_POSITION_FOLLOWING);", notice);
            assertEquals(Boolean.TRUE, before, "the notice comes before the box one writes in");
            Object described = script(member, "const ta = document.querySelector(\"form[data-test='reply-form'] textarea\");"
                    + " return (ta.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)"
                    + ".map(id => document.getElementById(id).textContent).join(' ');");
            assertTrue(String.valueOf(described).contains(NOTICE), "a screen reader hears it with the reply box: " + described);
            assertTrue(member.scrollWidth() <= 360, "the reply form fits a phone");
            script(member, "arguments[0].scrollIntoView({block: 'center'});", notice);
            member.screenshot("sharing-reply-notice-360");
            WebElement form = member.driver().findElement(By.cssSelector("form[data-test='reply-form']"));
            form.findElement(By.name("body")).sendKeys("A part-time start helped me.");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            member.await(By.cssSelector("article[data-test='post'][data-seq='1']"));

            // A moderator asked about the other thread: the author answers on its page.
            author.go("/c/" + f.slug + "/forum/t/" + asked);
            WebElement request = author.await(By.cssSelector("section[data-test='sharing']"));
            assertTrue(request.getText().contains("A moderator asks you to share this thread"), request.getText());
            request.findElement(By.cssSelector("[data-test='accept-sharing']")).click();
            author.await(By.cssSelector("[data-test='stop-sharing']"));
            assertTrue(displayed(author, SHARED_MARK));
            author.driver().findElement(By.cssSelector("[data-test='stop-sharing']")).click();
            author.await(By.cssSelector("section[data-test='sharing'] [data-test='share']"));
            assertFalse(displayed(author, SHARED_MARK), "stopping takes the mark away");
        }
        var page = Api.as(Tokens.BO).get(f.forum() + "/threads/" + asked).object().getJsonObject("thread").getJsonObject("sharing");
        assertFalse(page.getBoolean("shared"), "what the page showed is what the server holds");
    }

    private static Object script(Browser browser, String js, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js, args);
    }

    private static boolean displayed(Browser browser, By by) {
        return browser.driver().findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }
}
