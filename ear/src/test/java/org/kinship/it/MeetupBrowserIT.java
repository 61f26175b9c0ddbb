package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.MeetupFixtures.firstDate;
import static org.kinship.it.support.MeetupFixtures.rsvp;

import jakarta.json.JsonObject;
import java.time.Duration;
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
import org.kinship.it.support.MeetupFixtures;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A meetup with one place, on a phone: a member answers that she is going, someone else lands on the
 * waiting list, she cancels, and the first on the waiting list gets the place and is told.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetupBrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static void awaitText(Browser b, By by, String text) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> {
            try {
                return d.findElement(by).getText().contains(text);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    @Test
    void rsvpThenCancelAndTheFirstOnTheWaitingListIsPromotedAndTold() {
        ForumFixtures f = ForumFixtures.create("mbrowser");
        JsonObject meetup = MeetupFixtures.oneOff(f.slug, "Tuesday café by the library", 4, 1);
        String date = firstDate(f.slug, meetup);
        String page = "/c/" + f.slug + "/meetups/" + meetup.getString("id") + "/" + date.substring(date.lastIndexOf('/') + 1);
        Tokens.awaitKeycloak();

        try (Browser ada = Browser.open(360, 800)) {
            ada.signIn("/c/" + f.slug + "/meetups", Tokens.ADA);
            WebElement item = ada.await(By.cssSelector("[data-test='meetup-item'] a"));
            assertTrue(item.getText().contains("Tuesday café"), item.getText());
            item.click();
            WebElement form = ada.await(By.cssSelector("form[data-test='rsvp-form']"));
            assertTrue(ada.driver().findElement(By.tagName("main")).getText().contains("Step-free entrance"),
                    "the accessibility notes are on the page");
            ada.driver().findElement(By.cssSelector("[data-test='answer-going'] + label")).click();
            form.findElement(By.cssSelector("button[type='submit']")).click();
            awaitText(ada, By.cssSelector("[data-test='my-status']"), "You’re going");
            awaitText(ada, By.cssSelector("[data-test='going-count']"), "1 of 1");
            assertTrue(ada.scrollWidth() <= 360, "the meetup page fits a phone");
            ada.screenshot("meetup-going-360");

            assertEquals("WAITING", rsvp(Tokens.BO, date, "GOING").object().getString("status"), "the one place is taken");

            ada.go(page);
            ada.await(By.cssSelector("form[data-test='rsvp-form']"));
            ada.driver().findElement(By.cssSelector("[data-test='answer-not_going'] + label")).click();
            ada.driver().findElement(By.cssSelector("form[data-test='rsvp-form'] button[type='submit']")).click();
            awaitText(ada, By.cssSelector("[data-test='my-status']"), "You’re not going");
            awaitText(ada, By.cssSelector("[data-test='going-count']"), "1 of 1");
        }

        JsonObject bosPage = Api.as(Tokens.BO).get(date).object();
        assertEquals("GOING", bosPage.getJsonObject("date").getJsonObject("mine").getString("status"), "promoted");
        assertEquals(1, MeetupIT.notifications(Tokens.BO, f.slug, "MEETUP_PLACE").size());

        try (Browser bo = Browser.open(360, 800)) {
            bo.signIn("/c/" + f.slug + "/notifications", Tokens.BO);
            WebElement note = bo.await(By.cssSelector("[data-test='notification'][data-kind='MEETUP_PLACE']"));
            assertTrue(note.getText().contains("A place became free"), note.getText());
            note.findElement(By.cssSelector("[data-test='meetup-note-link']")).click();
            awaitText(bo, By.cssSelector("[data-test='my-status']"), "You’re going");
            bo.screenshot("meetup-promoted-360");
        }
    }
}
