package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Browser;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a newcomer does on a phone: finds a community in the directory, signs in through Keycloak's
 * own page, joins under a pseudonym, and lands on the community home, which shows the community's
 * crisis numbers and that Kinship is not an emergency service.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInAndJoinBrowserIT {
    private static final int PHONE_WIDTH = 360;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aNewcomerSignsInJoinsAndSeesTheCrisisNumbers() {
        String slug = Fixtures.community("browser", "OPEN");
        Tokens.awaitKeycloak();
        try (Browser browser = Browser.open(PHONE_WIDTH, 800)) {
            browser.go("/");
            WebElement link = browser.await(By.cssSelector("a[data-test='community-link'][href='/c/" + slug + "']"));
            assertTrue(browser.scrollWidth() <= PHONE_WIDTH, "the directory fits a 360 px phone");
            browser.screenshot("directory-360");
            link.click();

            WebElement notice = browser.await(By.cssSelector("[data-test='emergency-notice']"));
            assertTrue(notice.getText().contains("112"), "crisis numbers are shown before signing in too: " + notice.getText());
            browser.await(By.cssSelector("[data-test='sign-in']")).click();

            // Keycloak's own login page: the password never touches Kinship.
            browser.await(By.id("username")).sendKeys(Tokens.NEWCOMER);
            browser.driver().findElement(By.id("password")).sendKeys(Tokens.password(Tokens.NEWCOMER));
            browser.driver().findElement(By.id("kc-login")).click();

            WebElement form = browser.await(By.cssSelector("form[data-test='join-form']"));
            browser.await(By.cssSelector("[data-test='signed-in-as']"));
            form.findElement(By.name("pseudonym")).sendKeys("Quiet Harbour");
            form.findElement(By.cssSelector("button[type='submit']")).click();

            WebElement home = browser.await(By.cssSelector("[data-test='member-home']"));
            assertTrue(home.getText().contains("Quiet Harbour"), home.getText());
            browser.awaitUrlContaining("/c/" + slug);
            WebElement crisis = browser.await(By.cssSelector("[data-test='emergency-notice']"));
            List<WebElement> resources = crisis.findElements(By.cssSelector("[data-test='crisis-resource']"));
            assertEquals(2, resources.size());
            assertEquals("tel:112", resources.get(0).findElement(By.cssSelector("a[href^='tel:']")).getAttribute("href"));
            assertTrue(resources.get(1).getText().contains("116 123"));
            assertTrue(browser.scrollWidth() <= PHONE_WIDTH, "the community home fits a 360 px phone");
            browser.screenshot("community-home-360");
        }
    }

    @Test
    void aTakenPseudonymIsExplainedOnTheForm() {
        String slug = Fixtures.community("browser-taken", "OPEN");
        Fixtures.join(Tokens.ADA, slug, "Quiet Harbour");
        Tokens.awaitKeycloak();
        try (Browser browser = Browser.open(1280, 900)) {
            browser.go("/login/c/" + slug + "/join");
            browser.await(By.id("username")).sendKeys(Tokens.BO);
            browser.driver().findElement(By.id("password")).sendKeys(Tokens.password(Tokens.BO));
            browser.driver().findElement(By.id("kc-login")).click();

            WebElement form = browser.await(By.cssSelector("form[data-test='join-form']"));
            form.findElement(By.name("pseudonym")).sendKeys("quiet_harbour");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement error = browser.await(By.cssSelector("[data-test='form-error'][data-code='pseudonym_taken']"));
            assertTrue(!error.getText().isBlank(), "the person is told why");
            browser.screenshot("pseudonym-taken-1280");
        }
    }
}
