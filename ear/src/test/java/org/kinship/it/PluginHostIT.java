package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Browser;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.PluginFromTheFuture;
import org.kinship.it.support.PluginPackaging;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The plugin host with a third-party plugin, as an operator and a community use it. The EAR is made
 * with deploy/plugin.sh from the kinship.ear this module built: the example plugin (mood-checkin,
 * built outside the reactor against the published API jar) and a plugin built for API 2.0, which
 * the host must refuse while starting everything else. A community admin then switches the example
 * on and off at runtime; a member uses it; its data outlives a switch-off until the admin deletes it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PluginHostIT {
    private static final String ID = PluginPackaging.EXAMPLE_ID;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return PluginPackaging.earWithPlugins().ear();
    }

    private static String plugins(String slug) {
        return "/api/communities/" + slug + "/plugins";
    }

    private static String checkins(String slug) {
        return plugins(slug) + "/" + ID + "/checkins";
    }

    private static String setting(String slug, String id) {
        return "/api/communities/" + slug + "/plugin-settings/" + id;
    }

    private static Optional<JsonObject> entry(JsonArray list, String id) {
        return list.stream().map(JsonValue::asJsonObject).filter(o -> o.getString("id").equals(id)).findFirst();
    }

    /** A community with community-admin as admin and Ada and Bo as members. */
    private static String community(String prefix) {
        String slug = Fixtures.community(prefix, "OPEN");
        Fixtures.join(Tokens.ADA, slug, "Ada " + slug.substring(slug.length() - 4));
        Fixtures.join(Tokens.BO, slug, "Bo " + slug.substring(slug.length() - 4));
        return slug;
    }

    @Test
    void theOperatorSeesTheExampleLoadedAndTheIncompatiblePluginRefusedWithBothVersions() throws IOException {
        Api.Reply r = Api.as(Tokens.PLATFORM_ADMIN).get("/api/plugins");
        assertEquals(200, r.status(), r::toString);
        JsonArray all = r.array();

        JsonObject example = entry(all, ID).orElseThrow(() -> new AssertionError("the example is listed: " + all));
        assertEquals("loaded", example.getString("status"), example::toString);
        assertEquals("1.0.0", example.getString("version"));
        assertEquals("1.0", example.getString("apiVersion"), "the API version the example was compiled against");

        JsonObject future = entry(all, PluginFromTheFuture.ID).orElseThrow(() -> new AssertionError("the refused plugin is listed: " + all));
        assertEquals("refused", future.getString("status"), future::toString);
        assertEquals(PluginFromTheFuture.API_VERSION, future.getString("apiVersion"));
        String reason = future.getString("reason");
        assertTrue(reason.contains("2.0") && reason.contains("1.0"), "the reason names both versions: " + reason);

        // Every plugin the EAR carries (the ones that ship, the example, the refused one) is accounted for.
        String listed = PluginPackaging.run("list", PluginPackaging.earPath().toString());
        Matcher classes = Pattern.compile("plugin class: (\\S+)").matcher(listed);
        int carried = 0;
        while (classes.find()) {
            carried++;
        }
        assertTrue(listed.contains("mood-checkin-1.0.0.jar") && listed.contains("from-the-future-0.9.0.jar"), listed);
        assertEquals(carried, all.size(), "one entry per plugin class in lib/: " + listed + " vs " + all);

        // The server started with the refused plugin in it, and said why in one log line.
        List<String> refusals = Files.readAllLines(PluginPackaging.serverLog(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("WARN") && l.contains(PluginFromTheFuture.ID) && l.contains("refused")).toList();
        assertFalse(refusals.isEmpty(), "a refusal line in " + PluginPackaging.serverLog());
        String line = refusals.get(refusals.size() - 1);
        assertTrue(line.contains(PluginFromTheFuture.class.getName()) && line.contains("2.0") && line.contains("1.0"), line);
        assertTrue(Files.readString(PluginPackaging.serverLog()).contains("Plugins loaded: "), "the host's summary line");

        // Only the people who run the server see this list.
        assertEquals(403, Api.as(Tokens.COMMUNITY_ADMIN).get("/api/plugins").status());
        assertEquals(401, Api.anonymous().get("/api/plugins").status());
    }

    @Test
    void anAdminSwitchesTheExampleOnAtRuntimeAndAMemberUsesItPrivately() {
        String slug = community("plug-on");

        // Off until the community's admin says otherwise.
        JsonArray forAda = Api.as(Tokens.ADA).get(plugins(slug)).array();
        assertTrue(entry(forAda, ID).isEmpty(), "a member does not see a plugin that is off: " + forAda);
        Api.Reply refused = Api.as(Tokens.ADA).post(checkins(slug), "{\"mood\": 3}");
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("plugin_not_enabled", refused.error());

        JsonObject asAdmin = entry(Api.as(Tokens.COMMUNITY_ADMIN).get(plugins(slug)).array(), ID)
                .orElseThrow(() -> new AssertionError("the admin sees every loaded plugin"));
        assertFalse(asAdmin.getBoolean("enabled"));
        assertEquals("Mood check-in", asAdmin.getJsonObject("names").getString("en"));
        assertEquals("Humørsjekk", asAdmin.getJsonObject("names").getString("nb"));
        JsonObject page = asAdmin.getJsonArray("pages").getJsonObject(0);
        assertEquals("", page.getString("path"));
        assertEquals("/app/plugins/mood-checkin/checkin.js", page.getString("module"));
        assertTrue(page.getBoolean("navigation"));
        assertTrue(entry(Api.as(Tokens.COMMUNITY_ADMIN).get(plugins(slug)).array(), PluginFromTheFuture.ID).isEmpty(),
                "a refused plugin is offered to no community");

        JsonObject on = Fixtures.switchPlugin(slug, ID, true);
        assertEquals(ID, on.getString("id"));
        JsonObject listed = entry(Api.as(Tokens.ADA).get(plugins(slug)).array(), ID)
                .orElseThrow(() -> new AssertionError("a member sees it once it is on"));
        assertTrue(listed.getBoolean("enabled"));

        // Ada checks in; her migration-made table holds it; the same day's second check-in replaces the first.
        Api.Reply first = Api.as(Tokens.ADA).post(checkins(slug), "{\"mood\": 2, \"note\": \"Slept badly\"}");
        assertEquals(201, first.status(), first::toString);
        assertEquals(2, first.object().getInt("mood"));
        Api.Reply again = Api.as(Tokens.ADA).post(checkins(slug), "{\"mood\": 4, \"note\": \"  A walk by the fjord helped  \"}");
        assertEquals(200, again.status(), again::toString);
        JsonObject mine = Api.as(Tokens.ADA).get(checkins(slug)).object();
        JsonArray days = mine.getJsonArray("days");
        assertEquals(1, days.size(), mine::toString);
        assertEquals(4, days.getJsonObject(0).getInt("mood"));
        assertEquals("A walk by the fjord helped", days.getJsonObject(0).getString("note"));
        assertEquals(mine.getString("today"), days.getJsonObject(0).getString("day"));
        assertEquals(1, Postgres.count("select count(*) from flyway_plugin_mood_checkin where success and version = '1'"),
                "the example's migration ran, with its own history table");
        assertEquals(1, Postgres.count("select count(*) from mood_checkin_entry e join community c on c.id::text = e.community_id"
                + " where c.slug = ?", slug));

        // The plugin's own refusals come through in the one error shape, and change nothing.
        Api.Reply badMood = Api.as(Tokens.ADA).post(checkins(slug), "{\"mood\": 9}");
        assertEquals(400, badMood.status(), badMood::toString);
        assertEquals("mood_invalid", badMood.error());
        Api.Reply malformed = Api.as(Tokens.ADA).post(checkins(slug), "{\"mood\": ");
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals("malformed_request", malformed.error());
        assertEquals(4, Api.as(Tokens.ADA).get(checkins(slug)).object().getJsonArray("days").getJsonObject(0).getInt("mood"));

        // Private: Bo sees none of Ada's check-ins; someone signed out or outside the community is turned away.
        assertEquals(0, Api.as(Tokens.BO).get(checkins(slug)).object().getJsonArray("days").size());
        Api.Reply anonymous = Api.anonymous().get(checkins(slug));
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("not_authenticated", anonymous.error());
        Api.Reply outsider = Api.as(Tokens.CAI).get(checkins(slug));
        assertEquals(403, outsider.status(), outsider::toString);
        assertEquals("not_a_member", outsider.error());

        // Switched on here is not switched on anywhere else.
        String other = community("plug-other");
        assertEquals("plugin_not_enabled", Api.as(Tokens.ADA).get(checkins(other)).error());
    }

    @Test
    void switchingOffHidesThePluginAndKeepsItsDataUntilTheAdminDeletesIt() {
        String slug = community("plug-off");
        Fixtures.switchPlugin(slug, ID, true);
        assertEquals(201, Api.as(Tokens.ADA).post(checkins(slug), "{\"mood\": 5, \"note\": \"Good day\"}").status());

        Api.Reply whileOn = Api.as(Tokens.COMMUNITY_ADMIN).delete(setting(slug, ID) + "/data");
        assertEquals(409, whileOn.status(), whileOn::toString);
        assertEquals("plugin_enabled", whileOn.error());
        assertEquals(1, Api.as(Tokens.ADA).get(checkins(slug)).object().getJsonArray("days").size(), "nothing deleted");

        Fixtures.switchPlugin(slug, ID, false);
        Api.Reply off = Api.as(Tokens.ADA).get(checkins(slug));
        assertEquals(409, off.status(), off::toString);
        assertEquals("plugin_not_enabled", off.error());
        assertEquals(409, Api.as(Tokens.ADA).post(checkins(slug), "{\"mood\": 1}").status());
        assertTrue(entry(Api.as(Tokens.ADA).get(plugins(slug)).array(), ID).isEmpty(), "its pages disappear for members");
        assertFalse(entry(Api.as(Tokens.COMMUNITY_ADMIN).get(plugins(slug)).array(), ID).orElseThrow().getBoolean("enabled"),
                "the admin still sees it, switched off");

        Fixtures.switchPlugin(slug, ID, true);
        JsonArray kept = Api.as(Tokens.ADA).get(checkins(slug)).object().getJsonArray("days");
        assertEquals(1, kept.size(), "switching off kept the data: " + kept);
        assertEquals("Good day", kept.getJsonObject(0).getString("note"));

        Fixtures.switchPlugin(slug, ID, false);
        Api.Reply notAdmin = Api.as(Tokens.ADA).delete(setting(slug, ID) + "/data");
        assertEquals(403, notAdmin.status(), notAdmin::toString);
        Api.Reply deleted = Api.as(Tokens.COMMUNITY_ADMIN).delete(setting(slug, ID) + "/data");
        assertEquals(204, deleted.status(), deleted::toString);
        Fixtures.switchPlugin(slug, ID, true);
        assertEquals(0, Api.as(Tokens.ADA).get(checkins(slug)).object().getJsonArray("days").size(), "the data is gone");
    }

    @Test
    void switchesTheHostRefusesChangeNothing() {
        String slug = community("plug-bad");
        String path = setting(slug, ID);

        Api.Reply member = Api.as(Tokens.ADA).put(path, "{\"enabled\": true}");
        assertEquals(403, member.status(), member::toString);
        assertEquals("forbidden", member.error());
        Api.Reply moderatorLike = Api.as(Tokens.BO).put(path, "{\"enabled\": true}");
        assertEquals(403, moderatorLike.status(), moderatorLike::toString);

        Api.Reply unknown = Api.as(Tokens.COMMUNITY_ADMIN).put(setting(slug, "no-such-plugin"), "{\"enabled\": true}");
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("plugin_not_found", unknown.error());
        Api.Reply unknownApi = Api.as(Tokens.ADA).get(plugins(slug) + "/no-such-plugin/anything");
        assertEquals(404, unknownApi.status(), unknownApi::toString);
        assertEquals("plugin_not_found", unknownApi.error());
        Api.Reply refusedOne = Api.as(Tokens.COMMUNITY_ADMIN).put(setting(slug, PluginFromTheFuture.ID), "{\"enabled\": true}");
        assertEquals(404, refusedOne.status(), "a refused plugin cannot be switched on: " + refusedOne);
        assertEquals("plugin_not_found", refusedOne.error());

        for (String body : List.of("{\"enabled\": ", "{}", "[true]", "null", "{\"enabled\": null}")) {
            Api.Reply bad = Api.as(Tokens.COMMUNITY_ADMIN).put(path, body);
            assertEquals(400, bad.status(), body + " → " + bad);
            assertNotEquals("internal_error", bad.error(), body);
        }
        assertEquals("malformed_request", Api.as(Tokens.COMMUNITY_ADMIN).put(path, "{\"enabled\": ").error());

        JsonObject still = entry(Api.as(Tokens.COMMUNITY_ADMIN).get(plugins(slug)).array(), ID).orElseThrow();
        assertFalse(still.getBoolean("enabled"), "no refused request switched it on: " + still);
        assertEquals("plugin_not_enabled", Api.as(Tokens.ADA).get(checkins(slug)).error());
        assertEquals(0, Postgres.count("select count(*) from community_plugin p join community c on c.id = p.community_id"
                + " where c.slug = ?", slug), "nothing stored for the community");

        Api.Reply noCommunity = Api.as(Tokens.COMMUNITY_ADMIN).put(setting("no-such-community-x", ID), "{\"enabled\": true}");
        assertEquals(404, noCommunity.status(), noCommunity::toString);
    }

    /** JSON-B would read "yes" (or 1) as false: a switch is a JSON boolean or the request is refused, changing nothing. */
    @Test
    void aSwitchThatIsNotABooleanIsRefused() {
        String slug = community("plug-yes");
        String path = setting(slug, ID);
        Fixtures.switchPlugin(slug, ID, true);
        for (String body : List.of("{\"enabled\": \"yes\"}", "{\"enabled\": \"no\"}", "{\"enabled\": 0}")) {
            Api.Reply bad = Api.as(Tokens.COMMUNITY_ADMIN).put(path, body);
            assertEquals(400, bad.status(), body + " → " + bad);
        }
        assertTrue(entry(Api.as(Tokens.ADA).get(plugins(slug)).array(), ID).orElseThrow().getBoolean("enabled"), "still on");
        assertEquals(200, Api.as(Tokens.ADA).get(checkins(slug)).status());
    }

    @Test
    void thePluginsWebFilesAreServedFromItsJarAndNothingElse() {
        Api.Reply module = Api.anonymous().get("/app/plugins/" + ID + "/checkin.js");
        assertEquals(200, module.status(), module::toString);
        assertTrue(module.contentType().startsWith("text/javascript"), module.contentType());
        assertTrue(module.body().contains("export default async function page(kit)"), "the example's page module");

        for (String path : List.of("/app/plugins/" + ID + "/../db/V1__mood_checkin.sql", "/app/plugins/" + ID + "/missing.js",
                "/app/plugins/" + PluginFromTheFuture.ID + "/page.js", "/app/plugins/" + ID + "/MoodCheckinPlugin.class")) {
            assertEquals(404, Api.anonymous().get(path).status(), path);
        }
    }

    @Test
    void inTheBrowserTheAdminSwitchesItOnTheMemberUsesItAndItDisappearsWhenSwitchedOff() {
        String slug = community("plug-web");
        Tokens.awaitKeycloak();
        By row = By.cssSelector("[data-test='plugin-row'][data-plugin='" + ID + "']");
        By link = By.cssSelector("[data-test='plugin-link'][data-plugin='" + ID + "']");

        try (Browser admin = Browser.open(1280, 900); Browser ada = Browser.open(360, 800)) {
            admin.signIn("/c/" + slug + "/settings", Tokens.COMMUNITY_ADMIN);
            WebElement card = admin.await(row);
            assertTrue(card.getText().contains("Mood check-in") && card.getText().contains("1.0.0"), card.getText());
            assertTrue(admin.driver().findElements(By.cssSelector("[data-plugin='" + PluginFromTheFuture.ID + "']")).isEmpty());
            WebElement toggle = card.findElement(By.cssSelector("[data-test='plugin-switch']"));
            assertFalse(toggle.isSelected(), "off to begin with");
            toggle.click();
            WebElement saved = admin.await(By.cssSelector("[data-plugin='" + ID + "'] [data-test='plugin-saved']"));
            assertTrue(saved.getText().contains("switched on"), saved.getText());
            assertTrue(entry(Api.as(Tokens.COMMUNITY_ADMIN).get(plugins(slug)).array(), ID).orElseThrow().getBoolean("enabled"));
            admin.screenshot("plugin-settings-on-1280");

            ada.signIn("/c/" + slug, Tokens.ADA);
            ada.await(link).click();
            ada.awaitUrlContaining("/c/" + slug + "/p/" + ID);
            WebElement form = ada.await(By.cssSelector("form[data-test='mood-form']"));
            assertEquals("Mood check-in", ada.driver().findElement(By.cssSelector("main h1")).getText());
            form.findElement(By.cssSelector("label[for='mood-4']")).click();
            form.findElement(By.name("note")).sendKeys("Tea with a neighbour");
            form.findElement(By.cssSelector("button[type='submit']")).click();
            WebElement day = ada.await(By.cssSelector("[data-test='mood-day'][data-mood='4']"));
            assertTrue(day.getText().contains("Tea with a neighbour"), day.getText());
            assertTrue(ada.scrollWidth() <= 360, "the plugin page fits a phone");
            ada.screenshot("plugin-page-360");
            assertEquals(4, Api.as(Tokens.ADA).get(checkins(slug)).object().getJsonArray("days").getJsonObject(0).getInt("mood"));

            admin.driver().findElement(By.cssSelector("[data-plugin='" + ID + "'] [data-test='plugin-switch']")).click();
            WebElement offSaved = admin.await(By.cssSelector("[data-plugin='" + ID + "'] [data-test='plugin-saved']"));
            assertTrue(offSaved.getText().contains("switched off"), offSaved.getText());
            assertFalse(admin.driver().findElement(By.cssSelector("[data-plugin='" + ID + "'] [data-test='plugin-switch']")).isSelected());
            assertTrue(admin.driver().findElement(row).getText().contains("Delete this plugin’s data"), "offered only while off");
            admin.screenshot("plugin-settings-off-1280");

            ada.go("/c/" + slug);
            ada.await(By.cssSelector("[data-test='member-home']"));
            assertTrue(ada.driver().findElements(link).isEmpty(), "the entry is gone once it is off");
            ada.go("/c/" + slug + "/p/" + ID);
            WebElement notOn = ada.await(By.cssSelector("[data-test='plugin-off']"));
            String heading = ada.driver().findElement(By.cssSelector("main h1")).getText();
            assertTrue(heading.contains("not switched on"), heading);
            assertTrue(ada.driver().findElements(By.cssSelector("form[data-test='mood-form']")).isEmpty(), notOn.getText());
            ada.screenshot("plugin-off-360");
        }
    }
}
