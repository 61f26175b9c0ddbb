package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A crisis plan as people use it, on a 360 px phone: Ada writes her plan and shares it with her provider Pia
 * by pseudonym; Pia, in a browser of her own, opens it from "shared with me"; Ada reloads and sees Pia in the
 * view log; Ada stops sharing; Pia's reload shows the plan is gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrisisPlanBrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    /** Adds a row to a list editor and types into it. */
    private static void addLine(Browser b, String list, String text) {
        b.driver().findElement(By.cssSelector("[data-test='add-" + list + "']")).click();
        List<WebElement> inputs = b.driver().findElements(By.cssSelector("[data-test='list-" + list + "'] input"));
        WebElement last = inputs.get(inputs.size() - 1);
        assertEquals(last, b.driver().switchTo().activeElement(), "the new row has the focus");
        last.sendKeys(text);
    }

    @Test
    void writeShareReadSeeTheReadRevokeAndItIsGone() {
        CrisisPlanFixtures f = CrisisPlanFixtures.create("crisis-web");
        String page = "/c/" + f.slug + "/p/crisis-plan";
        Tokens.awaitKeycloak();

        try (Browser ada = Browser.open(360, 800); Browser pia = Browser.open(360, 800)) {
            ada.signIn(page, Tokens.ADA);
            WebElement form = ada.await(By.cssSelector("form[data-test='plan-form']"));
            WebElement numbers = ada.driver().findElement(By.cssSelector("[data-test='crisis-numbers']"));
            assertTrue(numbers.getText().contains("116 123"), "the community's crisis numbers first: " + numbers.getText());
            assertTrue(numbers.getLocation().getY() < form.getLocation().getY(), "above the plan");
            ada.await(By.cssSelector("[data-test='not-written']"));

            addLine(ada, "warningSigns", "I stop answering messages");
            addLine(ada, "warningSigns", "Sleeping past noon");
            addLine(ada, "selfHelp", "A walk by the fjord");
            addLine(ada, "othersCanDo", "Sit with me, no advice");
            ada.driver().findElement(By.cssSelector("[data-test='add-contact']")).click();
            WebElement contact = ada.await(By.cssSelector("[data-test='contact']"));
            contact.findElement(By.name("name")).sendKeys("Dr Berg");
            contact.findElement(By.name("relation")).sendKeys("GP");
            contact.findElement(By.name("phone")).sendKeys("22 33 44 55");
            contact.findElement(By.cssSelector("[data-test='kind-professional']")).click();
            ada.driver().findElement(By.name("ifCannotSpeak")).sendKeys("Speak slowly. No hospital B.");
            assertTrue(ada.driver().findElement(By.cssSelector("[data-test='unsaved']")).isDisplayed());
            ada.driver().findElement(By.cssSelector("[data-test='save-plan']")).click();
            WebElement saved = ada.await(By.cssSelector("[data-test='plan-saved']"));
            assertTrue(saved.getText().contains("Saved"), saved.getText());
            JsonObject stored = Api.as(Tokens.ADA).get(f.base() + "/plan").object();
            assertEquals(List.of("I stop answering messages", "Sleeping past noon"),
                    stored.getJsonArray("warningSigns").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString).toList());
            assertEquals("professional", stored.getJsonArray("contacts").getJsonObject(0).getString("kind"));
            assertEquals(1, stored.getInt("version"));

            // Printing shows the saved plan and the crisis numbers, without the site's navigation or the form.
            ChromeDriver chrome = (ChromeDriver) ada.driver();
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            WebElement printed = ada.driver().findElement(By.cssSelector("[data-test='print-copy']"));
            assertTrue(printed.isDisplayed(), "the print copy shows in print");
            assertTrue(printed.getText().contains("Sleeping past noon") && printed.getText().contains("116 123"), printed.getText());
            assertFalse(form.isDisplayed(), "no form on paper");
            for (WebElement part : ada.driver().findElements(By.cssSelector("header, nav, footer"))) {
                assertFalse(part.isDisplayed(), "no navigation on paper");
            }
            ((JavascriptExecutor) ada.driver()).executeScript("window.scrollTo(0, 0)");
            ada.screenshot("crisis-plan-print-360");
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            assertFalse(printed.isDisplayed(), "the print copy is for paper only");

            // A pseudonym nobody has is refused in words, and nothing is shared.
            WebElement who = ada.driver().findElement(By.id("cp-share-name"));
            who.sendKeys("Nobody Here");
            ada.driver().findElement(By.cssSelector("[data-test='share']")).click();
            WebElement refused = ada.await(By.cssSelector("form[data-test='share-form'] [data-test='form-error']"));
            assertEquals("share_target_not_member", refused.getAttribute("data-code"));
            who.clear();
            who.sendKeys("Pia");
            ada.driver().findElement(By.cssSelector("[data-test='share']")).click();
            WebElement share = ada.await(By.cssSelector("li[data-test='share'][data-member='" + f.piaId + "']"));
            assertTrue(share.getText().contains("Pia"), share.getText());
            ada.await(By.cssSelector("[data-test='share-added']"));
            assertTrue(ada.scrollWidth() <= 360, "the plan page fits a phone");
            ((JavascriptExecutor) ada.driver()).executeScript("arguments[0].scrollIntoView()", share);
            ada.screenshot("crisis-plan-shared-360");

            pia.signIn(page + "/shared", Tokens.PROVIDER);
            WebElement card = pia.await(By.cssSelector("[data-test='shared-plan'][data-owner='" + f.adaId + "']"));
            card.findElement(By.tagName("a")).click();
            WebElement view = pia.await(By.cssSelector("[data-test='shared-plan-view']"));
            pia.await(By.cssSelector("[data-test='part-warningSigns'] li"));
            String text = view.getText();
            assertTrue(text.contains("Crisis plan of Ada"), text);
            assertTrue(text.contains("I stop answering messages") && text.contains("Dr Berg") && text.contains("No hospital B."), text);
            assertTrue(text.contains("116 123"), "the crisis numbers are on the shared plan too");
            assertTrue(pia.driver().findElements(By.cssSelector("[data-test='shared-plan-view'] input, [data-test='shared-plan-view'] textarea"))
                    .isEmpty(), "read-only");
            assertTrue(pia.scrollWidth() <= 360, "the shared plan fits a phone");
            pia.screenshot("crisis-plan-shared-read-360");

            ada.driver().navigate().refresh();
            WebElement logged = ada.await(By.cssSelector("[data-test='view-log'] li[data-viewer='" + f.piaId + "']"));
            assertTrue(logged.getText().contains("Pia") && logged.getText().contains("read it"), logged.getText());
            assertEquals("web", logged.getAttribute("data-how"));
            assertEquals(1, ada.driver().findElements(By.cssSelector("[data-test='view-log'] li")).size(),
                    "Ada's own reading is not in her log");
            ((JavascriptExecutor) ada.driver()).executeScript("arguments[0].scrollIntoView()", logged);
            ada.screenshot("crisis-plan-view-log-360");

            ada.driver().findElement(By.cssSelector("li[data-test='share'][data-member='" + f.piaId + "'] [data-test='revoke']")).click();
            ada.awaitGone(By.cssSelector("li[data-test='share'][data-member='" + f.piaId + "']"));
            ada.await(By.cssSelector("[data-test='share-revoked']"));
            ada.await(By.cssSelector("[data-test='shares-none']"));

            pia.driver().navigate().refresh();
            WebElement gone = pia.await(By.cssSelector("[data-test='plan-gone']"));
            assertEquals("plan_not_found", gone.getAttribute("data-code"));
            String after = pia.driver().findElement(By.tagName("main")).getText();
            assertFalse(after.contains("I stop answering messages") || after.contains("Dr Berg"), after);
            pia.screenshot("crisis-plan-revoked-360");
            pia.go(page + "/shared");
            pia.await(By.cssSelector("[data-test='shared-none']"));

            // On a desktop, and in Norwegian.
            ada.driver().manage().window().setSize(new Dimension(1280, 900));
            ada.driver().findElement(By.id("lang-switch")).click();
            ada.await(By.xpath("//h1[normalize-space()='Min kriseplan']"));
            assertTrue(ada.driver().findElement(By.cssSelector("[data-test='crisis-numbers']")).getText().contains("Krisenumre"));
            assertEquals("Legg til et varseltegn", ada.driver().findElement(By.cssSelector("[data-test='add-warningSigns']")).getText());
            assertTrue(ada.scrollWidth() <= 1280);
            ada.screenshot("crisis-plan-nb-1280");
        }
        assertEquals(1, Api.as(Tokens.ADA).get(f.base() + "/plan/views").object().getJsonArray("views").size(),
                "one read by Pia, none after the revoke");
    }
}
