package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
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
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The toolbox as people use it, on a 360 px phone: the community's admin has switched it on; Ada opens it from
 * "More tools", writes a goal with two steps and ticks one, plans something this week and finds it in the
 * week, adds a medicine (a malformed dose first, refused beside the field), and shares the goal with her
 * provider Pia by pseudonym. Pia, in a browser of her own, reads it under "shared with me" with nothing to
 * change; Ada stops sharing and Pia's reload no longer shows it. Then the planner on a desktop, and in
 * Norwegian. On every page: no sideways scrolling at 360 px, a label for every field, and status messages in a
 * live region.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ToolboxBrowserIT {
    private static final String GOAL = "Walk to the fjord every week";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static JavascriptExecutor js(Browser b) {
        return (JavascriptExecutor) b.driver();
    }

    /** Form fields in the page's main part with no label (label[for], an enclosing label, aria-label or aria-labelledby). */
    @SuppressWarnings("unchecked")
    private static List<String> unlabelled(Browser b) {
        return (List<String>) js(b).executeScript(
                "const out = [];"
                        + "for (const c of document.querySelectorAll('main input, main textarea, main select')) {"
                        + "  if (c.type === 'hidden') continue;"
                        + "  const l = (c.id && document.querySelector('label[for=\"' + CSS.escape(c.id) + '\"]')) || c.closest('label');"
                        + "  const named = (l && l.textContent.trim()) || (c.getAttribute('aria-label') || '').trim()"
                        + "    || (c.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id))"
                        + "       .filter(Boolean).map((e) => e.textContent.trim()).join('');"
                        + "  if (!named) out.push(c.outerHTML);"
                        + "}"
                        + "return out;");
    }

    /** What every toolbox page keeps to: fits the phone, labels its fields, and has its status line in a live region. */
    private static void checkPage(Browser b, String name) {
        assertTrue(b.scrollWidth() <= 360, name + " fits a 360 px phone: scrollWidth " + b.scrollWidth());
        assertEquals(List.of(), unlabelled(b), name + ": every field has a label");
        WebElement status = b.driver().findElement(By.cssSelector("[data-test='toolbox-status']"));
        assertTrue("status".equals(status.getAttribute("role")) || "polite".equals(status.getAttribute("aria-live")),
                name + ": the status line is a live region");
    }

    /** The status line says {@code text} (it is a live region: screen readers hear it too). */
    private static void awaitStatus(Browser b, String text) {
        By status = By.cssSelector("[data-test='toolbox-status']");
        new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> d.findElement(status).getText().replace('\u00a0', ' ').contains(text));
    }

    /** An element's text with no-break spaces as plain ones ("50 % done" keeps together on screen). */
    private static String text(WebElement e) {
        return e.getText().replace('\u00a0', ' ');
    }

    private static void setValue(Browser b, WebElement control, String value) {
        js(b).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", control, value);
    }

    /** The add form at the foot of an items page (the only form that is not a share form). */
    private static WebElement addForm(Browser b) {
        return b.await(By.cssSelector("form.tb-form"));
    }

    private static WebElement card(Browser b, String heading) {
        return b.await(By.xpath("//li[@data-test='toolbox-item'][.//*[self::h2 or self::h3][normalize-space()='" + heading + "']]"));
    }

    @Test
    void aMemberUsesTheToolboxSharesAGoalWithHerProviderAndStopsSharing() {
        String slug = Fixtures.community("toolbox-web", "OPEN");
        Fixtures.join(Tokens.ADA, slug, "Ada");
        String piaId = Fixtures.join(Tokens.PROVIDER, slug, "Pia").getString("memberId");
        Fixtures.promote(slug, piaId, "PROVIDER");
        Fixtures.switchPlugin(slug, "toolbox", true);
        String base = "/api/communities/" + slug + "/plugins/toolbox";
        String page = "/c/" + slug + "/p/toolbox";
        Tokens.awaitKeycloak();

        try (Browser ada = Browser.open(360, 800); Browser pia = Browser.open(360, 800)) {
            // From "More tools" on the community page to the toolbox's start page.
            ada.signIn("/c/" + slug, Tokens.ADA);
            ada.await(By.cssSelector("[data-test='plugin-link'][data-plugin='toolbox']")).click();
            ada.awaitUrlContaining(page);
            WebElement tiles = ada.await(By.cssSelector("[data-test='toolbox-pages']"));
            assertEquals("Toolbox", ada.driver().findElement(By.cssSelector("main h1")).getText());
            assertTrue(tiles.getText().contains("Goals") && tiles.getText().contains("Week planner")
                    && tiles.getText().contains("Medications") && tiles.getText().contains("Shared with me"), tiles.getText());
            checkPage(ada, "start page");
            ada.screenshot("toolbox-start-360");

            // A goal with two steps; ticking one shows the progress.
            tiles.findElement(By.cssSelector("a[href$='/p/toolbox/goals']")).click();
            ada.awaitUrlContaining(page + "/goals");
            WebElement form = addForm(ada);
            ada.await(By.xpath("//main//h1[normalize-space()='Goals']"));
            checkPage(ada, "goals (empty)");
            form.findElement(By.name("title")).sendKeys(GOAL);
            form.findElement(By.name("why")).sendKeys("Fresh air helps me sleep");
            WebElement steps = form.findElement(By.name("steps"));
            steps.sendKeys("Buy walking boots");
            steps.sendKeys(org.openqa.selenium.Keys.ENTER);
            steps.sendKeys("Walk two kilometres");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            awaitStatus(ada, "Added.");
            WebElement goal = card(ada, GOAL);
            List<WebElement> boxes = goal.findElements(By.cssSelector("input[type='checkbox']"));
            assertEquals(2, boxes.size(), goal.getText());
            assertTrue(text(goal).contains("0 % done"), goal.getText());
            boxes.get(0).click();
            awaitStatus(ada, "50 % done");
            goal = card(ada, GOAL);
            assertTrue(text(goal).contains("50 % done"), goal.getText());
            assertTrue(goal.findElements(By.cssSelector("input[type='checkbox']")).get(0).isSelected(), "the tick stays");
            assertEquals("50", goal.findElement(By.tagName("progress")).getAttribute("value"));
            JsonArray goals = Api.as(Tokens.ADA).get(base + "/goals").array();
            assertEquals(1, goals.size());
            assertEquals(50, goals.getJsonObject(0).getInt("progress"));
            assertTrue(goals.getJsonObject(0).getJsonArray("steps").getJsonObject(0).getBoolean("done"));
            String goalId = goals.getJsonObject(0).getString("id");
            checkPage(ada, "goals");
            js(ada).executeScript("arguments[0].scrollIntoView()", goal);
            ada.screenshot("toolbox-goal-360");

            // Shared with the provider by pseudonym.
            goal.findElement(By.cssSelector("details.tb-share-details summary")).click();
            WebElement who = goal.findElement(By.name("pseudonym"));
            checkPage(ada, "goals with the share panel open");
            who.sendKeys("Pia");
            goal.findElement(By.cssSelector("form.tb-share-form button[type='submit']")).click();
            awaitStatus(ada, "Shared with Pia.");
            goal = card(ada, GOAL);
            WebElement shares = goal.findElement(By.cssSelector(".tb-shares"));
            assertTrue(shares.getText().contains("Pia"), shares.getText());
            assertTrue(goal.findElement(By.cssSelector("details.tb-share-details summary")).getText().contains("(1)"));
            assertEquals(piaId, Api.as(Tokens.ADA).get(base + "/goals/" + goalId + "/shares").array().getJsonObject(0).getString("memberId"));
            js(ada).executeScript("arguments[0].scrollIntoView()", shares);
            ada.screenshot("toolbox-goal-shared-360");

            // Something planned this week shows in the week, on today.
            ada.go(page + "/planner");
            ada.await(By.cssSelector("[data-test='planner-week']"));
            form = addForm(ada);
            checkPage(ada, "planner");
            String day = form.findElement(By.name("date")).getAttribute("value");
            assertFalse(day.isEmpty(), "the date starts at a day of the week shown");
            form.findElement(By.name("title")).sendKeys("Coffee with Kari");
            setValue(ada, form.findElement(By.name("start")), "10:30");
            setValue(ada, form.findElement(By.name("end")), "11:30");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            awaitStatus(ada, "Added.");
            WebElement planned = ada.await(By.xpath("//li[contains(@class,'tb-day')][.//li[@data-test='planner-activity']]"));
            assertTrue(planned.getText().contains("Coffee with Kari") && planned.getText().contains("10:30"), planned.getText());
            assertEquals(day, planned.findElement(By.tagName("h3")).getAttribute("id").replace("tb-day-", ""),
                    "on the day chosen");
            assertEquals(1, Api.as(Tokens.ADA).get(base + "/activities").array().size());
            checkPage(ada, "planner with an activity");
            js(ada).executeScript("arguments[0].scrollIntoView()", planned);
            ada.screenshot("toolbox-planner-360");

            // A medicine: a malformed dose is refused beside its field, nothing is saved; then a correct one.
            ada.go(page + "/medications");
            form = addForm(ada);
            checkPage(ada, "medications");
            form.findElement(By.name("name")).sendKeys("Sertraline");
            WebElement dose = form.findElement(By.name("doseAmount"));
            dose.sendKeys("50 mg twice");
            form.findElement(By.name("times")).sendKeys("08:00, 20:00");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement error = ada.await(By.cssSelector("form.tb-form .error[data-code='dose_invalid']"));
            assertTrue(error.getText().contains("Write the dose as a number"), error.getText());
            WebElement doseField = dose.findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]"));
            assertEquals(doseField, error.findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]")), "beside the dose");
            assertEquals("true", dose.getAttribute("aria-invalid"));
            assertTrue(dose.getAttribute("aria-describedby").contains(error.getAttribute("id")), "the dose field names its error");
            assertEquals(dose, ada.driver().switchTo().activeElement(), "the focus is on the field to correct");
            assertEquals(0, Api.as(Tokens.ADA).get(base + "/medications").array().size(), "nothing saved");
            checkPage(ada, "medications with an error");
            ada.screenshot("toolbox-medication-error-360");
            dose.clear();
            dose.sendKeys("50");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            awaitStatus(ada, "Added.");
            WebElement medicine = card(ada, "Sertraline");
            assertTrue(medicine.getText().contains("Dose: 50 mg") && medicine.getText().contains("08:00, 20:00"), medicine.getText());
            assertTrue(ada.driver().findElements(By.cssSelector("form.tb-form .error")).isEmpty(), "the error is gone");
            JsonArray medicines = Api.as(Tokens.ADA).get(base + "/medications").array();
            assertEquals(1, medicines.size());
            assertEquals("50", medicines.getJsonObject(0).getString("doseAmount"));
            checkPage(ada, "medications");
            js(ada).executeScript("arguments[0].scrollIntoView()", medicine);
            ada.screenshot("toolbox-medication-360");

            // The other pages hold to the same: the network map, and what the admins curate (read-only for a member).
            Api.Reply exercise = Api.as(Tokens.COMMUNITY_ADMIN).post(base + "/exercises",
                    "{\"title\": \"Box breathing\", \"kind\": \"coping\", \"body\": \"In for four, hold for four.\", \"minutes\": 5}");
            assertEquals(201, exercise.status(), exercise::toString);
            ada.go(page + "/network");
            addForm(ada);
            checkPage(ada, "network");
            ada.go(page + "/exercises");
            WebElement offered = card(ada, "Box breathing");
            assertTrue(offered.getText().contains("In for four") && offered.getText().contains("5 min"), offered.getText());
            assertFalse(ada.driver().findElement(By.tagName("main")).getText().contains("null"), "no stray words on a curated card");
            assertTrue(ada.driver().findElements(By.cssSelector("main .plugin-page form, main .plugin-page li button")).isEmpty(),
                    "a member reads the admins' exercises, never changes them");
            checkPage(ada, "exercises");
            ada.screenshot("toolbox-exercises-360");
            ada.go(page + "/links");
            ada.await(By.xpath("//main//h1[normalize-space()='Local links']"));
            checkPage(ada, "links");

            // Pia reads the goal, and can change nothing.
            pia.signIn(page + "/shared", Tokens.PROVIDER);
            WebElement sharedList = pia.await(By.cssSelector("[data-test='toolbox-shared']"));
            WebElement sharedGoal = sharedList.findElement(By.xpath(".//li[.//h2[normalize-space()='" + GOAL + "']]"));
            String text = text(sharedGoal);
            assertTrue(text.contains("From Ada") && text.contains("50 % done") && text.contains("Walk two kilometres")
                    && text.contains("Fresh air helps me sleep"), text);
            assertTrue(pia.driver().findElements(By.cssSelector("main .plugin-page input, main .plugin-page textarea, "
                    + "main .plugin-page select, main .plugin-page button, main .plugin-page form")).isEmpty(), "nothing to change");
            assertEquals(1, sharedList.findElements(By.tagName("li")).stream()
                    .filter(li -> li.getAttribute("class").contains("tb-item")).count(), "only the goal was shared");
            checkPage(pia, "shared with me");
            pia.screenshot("toolbox-shared-read-360");

            // Ada stops sharing; Pia's reload no longer shows it.
            ada.go(page + "/goals");
            goal = card(ada, GOAL);
            goal.findElement(By.cssSelector("details.tb-share-details summary")).click();
            goal.findElement(By.cssSelector("[data-test='unshare']")).click();
            awaitStatus(ada, "No longer shared with Pia.");
            goal = card(ada, GOAL);
            assertTrue(goal.findElement(By.cssSelector(".tb-shares")).getText().contains("Not shared with anyone"));
            assertEquals(0, Api.as(Tokens.ADA).get(base + "/goals/" + goalId + "/shares").array().size());
            ada.screenshot("toolbox-goal-unshared-360");

            pia.driver().navigate().refresh();
            pia.await(By.xpath("//main//h1[normalize-space()='Shared with me']"));
            WebElement empty = pia.await(By.cssSelector("main .plugin-page p.empty"));
            assertNotNull(empty);
            String after = pia.driver().findElement(By.tagName("main")).getText();
            assertFalse(after.contains(GOAL) || after.contains("Walk two kilometres"), after);
            assertEquals(404, Api.as(Tokens.PROVIDER).get(base + "/goals/" + goalId).status());
            pia.screenshot("toolbox-shared-revoked-360");

            // The planner on a desktop: the seven days side by side.
            ada.driver().manage().window().setSize(new Dimension(1280, 900));
            ada.go(page + "/planner");
            WebElement week = ada.await(By.cssSelector("[data-test='planner-week']"));
            ada.await(By.cssSelector("[data-test='planner-activity']"));
            List<WebElement> days = week.findElements(By.cssSelector("li.tb-day"));
            assertEquals(7, days.size());
            int top = days.get(0).getLocation().getY();
            assertTrue(days.stream().allMatch(d -> d.getLocation().getY() == top), "one row of seven days");
            assertTrue(days.get(6).getLocation().getX() > days.get(0).getLocation().getX());
            assertTrue(days.stream().allMatch(d -> d.getSize().getWidth() >= 140),
                    "each day wide enough for its name and buttons: " + days.get(0).getSize());
            assertTrue(ada.scrollWidth() <= 1280, "no sideways scrolling on a desktop");
            ada.screenshot("toolbox-planner-1280");

            // In Norwegian.
            ada.driver().findElement(By.id("lang-switch")).click();
            ada.await(By.xpath("//main//h1[normalize-space()='Ukeplan']"));
            String nb = ada.driver().findElement(By.tagName("main")).getText();
            assertTrue(nb.contains("Planlegg en aktivitet") && nb.contains("Neste uke") && nb.contains("Tittel"), nb);
            assertTrue(nb.contains("Coffee with Kari"), "the member's own words stay as written");
            ada.screenshot("toolbox-planner-nb-1280");
            ada.driver().manage().window().setSize(new Dimension(360, 800));
            ada.await(By.cssSelector("[data-test='planner-week']"));
            checkPage(ada, "planner in Norwegian");
            ada.screenshot("toolbox-planner-nb-360");
        }
        assertEquals(1, Api.as(Tokens.ADA).get(base + "/goals").array().size());
    }
}
