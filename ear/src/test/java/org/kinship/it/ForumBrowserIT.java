package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Browser;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The forum as three people use it in their own browsers: an author starts a thread with a content
 * warning, another member replies and reports it, a moderator hides it with a reason, and the author
 * sees that it was hidden and why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumBrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void startReplyReportHideAndTheAuthorSeesWhy() {
        ForumFixtures f = ForumFixtures.create("fbrowser");
        Tokens.awaitKeycloak();
        String threadPath;
        try (Browser author = Browser.open(360, 800)) {
            author.signIn("/c/" + f.slug + "/forum/new", Tokens.ADA);
            WebElement form = author.await(By.cssSelector("form[data-test='thread-form']"));
            new Select(form.findElement(By.name("category"))).selectByValue(f.categoryId);
            form.findElement(By.name("title")).sendKeys("Bad week at home");
            form.findElement(By.name("body")).sendKeys("Arguments every evening. I just needed to write it down.");
            form.findElement(By.name("contentWarning")).sendKeys("family conflict");
            form.findElement(By.cssSelector("button[type='submit']")).click();

            WebElement opening = author.await(By.cssSelector("article[data-test='post'][data-seq='0']"));
            WebElement warning = opening.findElement(By.cssSelector("details[data-test='content-warning']"));
            assertTrue(warning.getText().contains("family conflict"), "the warning is shown: " + warning.getText());
            assertEquals(null, warning.getAttribute("open"), "the post is collapsed behind its warning");
            author.awaitUrlContaining("/forum/t/");
            threadPath = author.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
            assertTrue(author.scrollWidth() <= 360, "the thread fits a phone");
            author.screenshot("forum-thread-360");
        }

        try (Browser member = Browser.open(1280, 900)) {
            member.signIn(threadPath, Tokens.BO);
            member.await(By.cssSelector("article[data-test='post'][data-seq='0']"));
            WebElement reply = member.await(By.cssSelector("form[data-test='reply-form']"));
            reply.findElement(By.name("body")).sendKeys("That sounds exhausting. I'm glad you wrote it here.");
            reply.findElement(By.cssSelector("button[type='submit']")).click();
            member.await(By.cssSelector("article[data-test='post'][data-seq='1']"));

            WebElement opening = member.driver().findElement(By.cssSelector("article[data-test='post'][data-seq='0']"));
            opening.findElement(By.cssSelector("[data-test='report']")).click();
            WebElement report = member.await(By.cssSelector("form[data-test='report-form']"));
            report.findElement(By.name("reason")).sendKeys("It names a family member by their real name");
            report.findElement(By.cssSelector("button[type='submit']")).click();
            member.awaitGone(By.cssSelector("form[data-test='report-form']"));
        }

        try (Browser moderator = Browser.open(1280, 900)) {
            moderator.signIn("/c/" + f.slug + "/moderation", Tokens.MODERATOR);
            moderator.await(By.cssSelector("[data-test='queue-item'][data-kind='REPORT']"));
            moderator.go(threadPath);
            WebElement opening = moderator.await(By.cssSelector("article[data-test='post'][data-seq='0']"));
            opening.findElement(By.cssSelector("[data-test='hide-post']")).click();
            WebElement reason = moderator.await(By.cssSelector("form[data-test='reason-form']"));
            reason.findElement(By.name("reason")).sendKeys("A real name was shared; please write it again without it");
            reason.findElement(By.cssSelector("button[type='submit']")).click();
            moderator.awaitGone(By.cssSelector("form[data-test='reason-form']"));
        }

        try (Browser author = Browser.open(360, 800)) {
            author.signIn(threadPath, Tokens.ADA);
            WebElement notice = author.await(By.cssSelector("article[data-test='post'][data-seq='0'] [data-test='hidden-notice']"));
            assertTrue(notice.getText().contains("A real name was shared"), "the author is told why: " + notice.getText());
            author.screenshot("forum-hidden-author-360");
        }
    }
}
