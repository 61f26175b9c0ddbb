package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.TestUsers;
import org.kinship.it.support.ToolboxFixtures;
import org.kinship.it.support.Tokens;

/**
 * The toolbox plugin on the real server and PostgreSQL: who may read what through every endpoint (a
 * table: owner, the provider it is shared with, another provider, moderator, admin, another member, an
 * outsider, someone signed out), revoking at once, bad input with its own code and nothing changed,
 * switching the plugin off and on, and account deletion taking the member's toolbox with it. Private
 * words carry a marker; no answer to anyone who may not read them, and no line of the server's log, may
 * hold it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ToolboxIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static final List<String> PEOPLE = List.of("anonymous", "outsider", "member", "owner", "provider", "other provider",
            "moderator", "admin");

    private static Api as(String person) {
        return switch (person) {
            case "anonymous" -> Api.anonymous();
            case "outsider" -> Api.as(Tokens.CAI);
            case "member" -> Api.as(Tokens.BO);
            case "owner" -> Api.as(Tokens.ADA);
            case "provider" -> Api.as(Tokens.PROVIDER);
            case "other provider" -> Api.as(TestUsers.ensure(ToolboxFixtures.OTHER_PROVIDER));
            case "moderator" -> Api.as(Tokens.MODERATOR);
            case "admin" -> Api.as(Tokens.COMMUNITY_ADMIN);
            default -> throw new IllegalArgumentException(person);
        };
    }

    private static final int SKIP = 0;
    /** What a refusal's status means, for every person and endpoint alike. */
    private static final Map<Integer, String> CODES = Map.of(401, "not_authenticated", 404, "item_not_found");

    /** One endpoint of the table: the statuses in the order of PEOPLE (SKIP: not tried, e.g. the owner deleting). */
    private record Row(String what, Function<Api, Api.Reply> call, int... expected) {
    }

    private static String marker() {
        return "Quokka" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, String> bodies(String secret) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("goals", "{\"title\": \"" + secret + " goal\", \"why\": \"" + secret + " why\", \"steps\": [{\"text\": \"" + secret
                + " step\", \"done\": true}, {\"text\": \"second\"}]}");
        b.put("activities", "{\"title\": \"" + secret + " walk\", \"date\": \"2026-11-24\", \"start\": \"10:00\", \"end\": \"11:00\","
                + " \"note\": \"" + secret + " note\"}");
        b.put("network", "{\"name\": \"" + secret + " Kari\", \"relation\": \"Sister\", \"closeness\": \"inner\", \"helps\": \""
                + secret + " listens\"}");
        b.put("medications", "{\"name\": \"" + secret + " pill\", \"doseAmount\": \"2,5\", \"doseUnit\": \"mg\", \"times\": [\"08:00\"],"
                + " \"purpose\": \"" + secret + " sleep\", \"sideEffects\": \"" + secret + " dizzy\"}");
        return b;
    }

    private static String withVersion(String body, int version) {
        return "{\"version\": " + version + ", " + body.substring(1);
    }

    @Test
    void everyEndpointShowsPersonalItemsToTheirOwnerAndToWhomTheyAreSharedAndToNobodyElse() throws IOException {
        ToolboxFixtures f = ToolboxFixtures.create("tb-read");
        String secret = marker();
        String base = f.base();
        Map<String, String> ids = new LinkedHashMap<>();
        bodies(secret).forEach((kind, body) -> {
            String id = f.create(Tokens.ADA, kind, body).getString("id");
            f.share(Tokens.ADA, kind, id, f.piaId);
            ids.put(kind, id);
        });
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> item : ids.entrySet()) {
            String kind = item.getKey();
            String at = base + "/" + kind + "/" + item.getValue();
            String change = withVersion(bodies("changed").get(kind), 1);
            List<Row> rows = List.of(
                    //                                                                 anon out  mem  own  prov oprv mod  adm
                    new Row("read", a -> a.get(at),                                      401, 403, 404, 200, 200, 404, 404, 404),
                    new Row("change", a -> a.put(at, change),                            401, 403, 404, SKIP, 403, 404, 404, 404),
                    new Row("delete", a -> a.delete(at),                                 401, 403, 404, SKIP, 403, 404, 404, 404),
                    new Row("list shares", a -> a.get(at + "/shares"),                   401, 403, 404, 200, 403, 404, 404, 404),
                    new Row("share on", a -> a.post(at + "/shares", "{\"memberId\": " + Api.str(f.boId) + "}"),
                                                                                         401, 403, 404, SKIP, 403, 404, 404, 404),
                    new Row("revoke", a -> a.delete(at + "/shares/" + f.piaId),          401, 403, 404, SKIP, 403, 404, 404, 404),
                    new Row("list " + kind, a -> a.get(base + "/" + kind),               401, 403, 200, 200, 200, 200, 200, 200),
                    new Row("shared with me", a -> a.get(base + "/shared-with-me"),      401, 403, 200, 200, 200, 200, 200, 200),
                    new Row("overview", a -> a.get(base),                                401, 403, 200, 200, 200, 200, 200, 200),
                    new Row("planner", a -> a.get(base + "/planner?week=2026-W48"),      401, 403, 200, 200, 200, 200, 200, 200));
            for (Row row : rows) {
                for (int i = 0; i < PEOPLE.size(); i++) {
                    String person = PEOPLE.get(i);
                    if (row.expected()[i] == SKIP) {
                        continue;
                    }
                    Api.Reply r = row.call().apply(as(person));
                    String cell = kind + " / " + row.what() + " / " + person + ": " + r;
                    if (r.status() != row.expected()[i]) {
                        failures.add("expected " + row.expected()[i] + " for " + cell);
                        continue;
                    }
                    String expectedCode = r.status() == 403
                            ? (person.equals("outsider") ? "not_a_member" : "not_owner")
                            : CODES.get(r.status());
                    if (expectedCode != null && !expectedCode.equals(r.error())) {
                        failures.add("expected " + expectedCode + " for " + cell);
                    }
                    boolean mayRead = person.equals("owner")
                            || (person.equals("provider") && (row.what().equals("read") || row.what().equals("shared with me")));
                    if (!mayRead && r.body().contains(secret)) {
                        failures.add("leaked to " + cell);
                    }
                    boolean mustShow = (person.equals("owner") && (row.what().equals("read") || row.what().equals("list " + kind)
                            || (row.what().equals("planner") && kind.equals("activities"))))
                            || (person.equals("provider") && (row.what().equals("read") || row.what().equals("shared with me")));
                    if (mustShow && !r.body().contains(secret)) {
                        failures.add("missing for " + cell);
                    }
                }
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));

        // What the owner and the provider see, in detail.
        JsonObject goal = Api.as(Tokens.ADA).get(base + "/goals/" + ids.get("goals")).object();
        assertEquals(50, goal.getInt("progress"), "one of two steps done");
        assertEquals("Pia", goal.getJsonArray("sharedWith").getJsonObject(0).getString("pseudonym"));
        JsonObject seen = Api.as(Tokens.PROVIDER).get(base + "/goals/" + ids.get("goals")).object();
        assertEquals("Ada", seen.getJsonObject("owner").getString("pseudonym"));
        assertFalse(seen.getBoolean("mine"));
        assertFalse(seen.containsKey("sharedWith"));
        JsonObject med = Api.as(Tokens.ADA).get(base + "/medications/" + ids.get("medications")).object();
        assertEquals("2.5", med.getString("doseAmount"));
        JsonArray shared = Api.as(Tokens.PROVIDER).get(base + "/shared-with-me").array();
        assertEquals(4, shared.size());
        JsonObject week = Api.as(Tokens.ADA).get(base + "/planner?week=2026-W48").object();
        assertEquals(1, week.getJsonArray("days").getJsonObject(1).getJsonArray("activities").size(), "Tuesday");
        assertTrue(Api.as(Tokens.PROVIDER).get(base + "/planner?week=2026-W48").body().contains("\"activities\":[]"),
                "a shared activity is read from shared-with-me, not put into the reader's own week");
        JsonObject counts = Api.as(Tokens.ADA).get(base).object().getJsonObject("counts");
        assertEquals(Map.of("goals", 1, "activities", 1, "network", 1, "medications", 1),
                Map.of("goals", counts.getInt("goals"), "activities", counts.getInt("activities"),
                        "network", counts.getInt("network"), "medications", counts.getInt("medications")));
        assertEquals(0, Api.as(Tokens.COMMUNITY_ADMIN).get(base).object().getJsonObject("counts").getInt("goals"));

        // Nowhere else on the platform: notifications, the moderation queue and log, search, the server's log.
        for (String user : List.of(Tokens.PROVIDER, Tokens.MODERATOR, Tokens.COMMUNITY_ADMIN, Tokens.BO)) {
            assertFalse(Api.as(user).get("/api/communities/" + f.slug + "/notifications").body().contains(secret), user);
        }
        assertFalse(Api.as(Tokens.MODERATOR).get("/api/communities/" + f.slug + "/moderation/queue").body().contains(secret));
        assertFalse(Api.as(Tokens.COMMUNITY_ADMIN).get("/api/communities/" + f.slug + "/moderation/log").body().contains(secret));
        Api.Reply search = Api.as(Tokens.COMMUNITY_ADMIN).get("/api/communities/" + f.slug + "/forum/search?q=" + secret);
        assertFalse(search.body().contains(secret), search::toString);
        assertFalse(serverLog().contains(secret), "the server's log holds nothing a member wrote in the toolbox");
    }

    private static String serverLog() throws IOException {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Test
    void curatedExercisesAndLinksAreReadByMembersAndChangedOnlyByTheAdmin() {
        ToolboxFixtures f = ToolboxFixtures.create("tb-curate");
        String exercise = "{\"title\": \"Box breathing\", \"kind\": \"mindfulness\", \"body\": \"In for four, hold for four.\", \"minutes\": 4}";
        List<String> failures = new ArrayList<>();
        int[] create = {401, 403, 403, 403, 403, 403, 403, 201};
        int[] read = {401, 403, 200, 200, 200, 200, 200, 200};
        for (int i = 0; i < PEOPLE.size(); i++) {
            Api api = as(PEOPLE.get(i));
            Api.Reply created = api.post(f.base() + "/exercises", exercise);
            if (created.status() != create[i]) {
                failures.add("create exercise / " + PEOPLE.get(i) + ": " + created);
            }
            Api.Reply link = api.post(f.base() + "/links", "{\"title\": \"Mental Helse\", \"url\": \"https://mentalhelse.no/\","
                    + " \"kind\": \"organisation\"}");
            if (link.status() != create[i]) {
                failures.add("create link / " + PEOPLE.get(i) + ": " + link);
            }
        }
        for (int i = 0; i < PEOPLE.size(); i++) {
            for (String kind : List.of("exercises", "links")) {
                Api.Reply r = as(PEOPLE.get(i)).get(f.base() + "/" + kind);
                if (r.status() != read[i] || (r.status() == 200 && r.array().size() != 1)) {
                    failures.add("read " + kind + " / " + PEOPLE.get(i) + ": " + r);
                }
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
        String id = Api.as(Tokens.BO).get(f.base() + "/exercises").array().getJsonObject(0).getString("id");
        Api.Reply refused = Api.as(Tokens.MODERATOR).put(f.base() + "/exercises/" + id, withVersion(exercise, 1));
        assertEquals("forbidden", refused.error());
        Api.Reply changed = Api.as(Tokens.COMMUNITY_ADMIN).put(f.base() + "/exercises/" + id,
                withVersion(exercise.replace("\"minutes\": 4", "\"minutes\": 6"), 1));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(6, Api.as(Tokens.ADA).get(f.base() + "/exercises/" + id).object().getInt("minutes"));
    }

    @Test
    void revokingTakesEffectAtOnce() {
        ToolboxFixtures f = ToolboxFixtures.create("tb-revoke");
        String id = f.create(Tokens.ADA, "network", "{\"name\": \"Kari\", \"closeness\": 1}").getString("id");
        String at = f.base() + "/network/" + id;
        Api.Reply byPseudonym = Api.as(Tokens.ADA).post(at + "/shares", "{\"pseudonym\": \"pal\"}");
        assertEquals(201, byPseudonym.status(), byPseudonym::toString);
        assertEquals(f.palId, byPseudonym.object().getString("memberId"));
        assertEquals(200, Api.as(TestUsers.ensure(ToolboxFixtures.OTHER_PROVIDER)).get(at).status());
        Api.Reply revoked = Api.as(Tokens.ADA).delete(at + "/shares/" + f.palId);
        assertEquals(204, revoked.status(), revoked::toString);
        Api.Reply after = Api.as(TestUsers.ensure(ToolboxFixtures.OTHER_PROVIDER)).get(at);
        assertEquals(404, after.status(), after::toString);
        assertEquals("item_not_found", after.error());
        assertEquals(0, Api.as(TestUsers.ensure(ToolboxFixtures.OTHER_PROVIDER)).get(f.base() + "/shared-with-me").array().size());
        assertEquals(0, Api.as(Tokens.ADA).get(at + "/shares").array().size());
    }

    @Test
    void badInputIsRefusedWithItsOwnCodeAndChangesNothing() {
        ToolboxFixtures f = ToolboxFixtures.create("tb-bad");
        String cai = Fixtures.join(Tokens.CAI, Fixtures.community("tb-bad-other", "OPEN"), "Cai").getString("memberId");
        String base = f.base();
        JsonObject goal = f.create(Tokens.ADA, "goals", "{\"title\": \"Sleep\", \"progress\": 40}");
        String at = base + "/goals/" + goal.getString("id");
        f.share(Tokens.ADA, "goals", goal.getString("id"), f.piaId);
        JsonObject med = f.create(Tokens.ADA, "medications", "{\"name\": \"Melatonin\", \"doseAmount\": 3, \"doseUnit\": \"mg\"}");
        String medAt = base + "/medications/" + med.getString("id");
        Supplier<String> state = () -> Api.as(Tokens.ADA).get(at).body() + Api.as(Tokens.ADA).get(medAt).body()
                + Api.as(Tokens.ADA).get(base).body() + Api.as(Tokens.ADA).get(at + "/shares").body()
                + Api.as(Tokens.COMMUNITY_ADMIN).get(base + "/links").body();
        String before = state.get();

        record Bad(String what, Supplier<Api.Reply> call, int status, String code) {
        }
        Api ada = Api.as(Tokens.ADA);
        List<Bad> cases = List.of(
                new Bad("unknown plugin", () -> ada.get("/api/communities/" + f.slug + "/plugins/no-such-plugin/goals"), 404, "plugin_not_found"),
                new Bad("malformed JSON", () -> ada.post(base + "/goals", "{\"title\": "), 400, "malformed_request"),
                new Bad("no title", () -> ada.post(base + "/goals", "{\"why\": \"x\"}"), 400, "title_invalid"),
                new Bad("progress 120", () -> ada.put(at, "{\"title\": \"Sleep\", \"progress\": 120, \"version\": 1}"), 400, "progress_invalid"),
                new Bad("malformed date", () -> ada.post(base + "/activities", "{\"title\": \"Swim\", \"date\": \"24.11.2026\", \"start\": \"10:00\"}"), 400, "date_invalid"),
                new Bad("no such day", () -> ada.post(base + "/activities", "{\"title\": \"Swim\", \"date\": \"2026-02-30\", \"start\": \"10:00\"}"), 400, "date_invalid"),
                new Bad("malformed week", () -> ada.get(base + "/planner?week=2026-W60"), 400, "date_invalid"),
                new Bad("malformed time", () -> ada.post(base + "/activities", "{\"title\": \"Swim\", \"date\": \"2026-11-24\", \"start\": \"9.30\"}"), 400, "time_invalid"),
                new Bad("end before start", () -> ada.post(base + "/activities", "{\"title\": \"Swim\", \"date\": \"2026-11-24\", \"start\": \"10:00\", \"end\": \"09:00\"}"), 400, "time_invalid"),
                new Bad("dose in words", () -> ada.put(medAt, "{\"name\": \"Melatonin\", \"doseAmount\": \"three\", \"doseUnit\": \"mg\", \"version\": 1}"), 400, "dose_invalid"),
                new Bad("negative dose", () -> ada.post(base + "/medications", "{\"name\": \"X\", \"doseAmount\": -1, \"doseUnit\": \"mg\"}"), 400, "dose_invalid"),
                new Bad("unknown unit", () -> ada.post(base + "/medications", "{\"name\": \"X\", \"doseAmount\": 1, \"doseUnit\": \"spoons\"}"), 400, "dose_invalid"),
                new Bad("medication time", () -> ada.post(base + "/medications", "{\"name\": \"X\", \"doseAmount\": 1, \"doseUnit\": \"mg\", \"times\": [\"25:00\"]}"), 400, "time_invalid"),
                new Bad("closeness", () -> ada.post(base + "/network", "{\"name\": \"Kari\", \"closeness\": 9}"), 400, "closeness_invalid"),
                new Bad("javascript link", () -> Api.as(Tokens.COMMUNITY_ADMIN).post(base + "/links", "{\"title\": \"x\", \"url\": \"javascript:alert(1)\", \"kind\": \"activity\"}"), 400, "url_invalid"),
                new Bad("stale version", () -> ada.put(at, "{\"title\": \"Sleep more\", \"version\": 9}"), 409, "version_conflict"),
                new Bad("share with another community's member", () -> ada.post(at + "/shares", "{\"memberId\": " + Api.str(cai) + "}"), 400, "share_target_not_member"),
                new Bad("share with an unknown pseudonym", () -> ada.post(at + "/shares", "{\"pseudonym\": \"Nobody Here\"}"), 400, "share_target_not_member"),
                new Bad("share with oneself", () -> ada.post(at + "/shares", "{\"memberId\": " + Api.str(f.adaId) + "}"), 400, "share_with_self"),
                new Bad("edit what was shared with me", () -> Api.as(Tokens.PROVIDER).put(at, "{\"title\": \"Mine now\", \"version\": 1}"), 403, "not_owner"),
                new Bad("delete what was shared with me", () -> Api.as(Tokens.PROVIDER).delete(at), 403, "not_owner"));
        List<String> failures = new ArrayList<>();
        for (Bad c : cases) {
            Api.Reply r = c.call().get();
            if (r.status() != c.status() || !c.code().equals(r.error())) {
                failures.add(c.what() + ": expected " + c.status() + " " + c.code() + ", got " + r);
            }
            String now = state.get();
            if (!now.equals(before)) {
                failures.add(c.what() + " changed something");
                before = now;
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
        assertEquals(1, Postgres.count("select count(*) from toolbox_goal where owner_id = ?", f.adaId));
        assertEquals(1, Postgres.count("select count(*) from toolbox_medication where owner_id = ?", f.adaId));
        assertEquals(0, Postgres.count("select count(*) from toolbox_activity where owner_id = ?", f.adaId));
        assertEquals(1, Postgres.count("select count(*) from toolbox_share where item_id = ?", goal.getString("id")));
    }

    @Test
    void switchedOffTheToolboxAnswersPluginNotEnabledAndSwitchedOnAgainHasEverythingBack() {
        ToolboxFixtures f = ToolboxFixtures.create("tb-switch");
        String id = f.create(Tokens.ADA, "goals", "{\"title\": \"Keep me\"}").getString("id");
        f.share(Tokens.ADA, "goals", id, f.piaId);
        assertTrue(pluginIds(Tokens.BO, f.slug).contains("toolbox"));

        Fixtures.switchPlugin(f.slug, "toolbox", false);
        for (String user : List.of(Tokens.ADA, Tokens.PROVIDER, Tokens.COMMUNITY_ADMIN)) {
            Api.Reply r = Api.as(user).get(f.base() + "/goals/" + id);
            assertEquals(409, r.status(), r::toString);
            assertEquals("plugin_not_enabled", r.error());
        }
        Api.Reply write = Api.as(Tokens.ADA).post(f.base() + "/goals", "{\"title\": \"While off\"}");
        assertEquals("plugin_not_enabled", write.error());
        assertFalse(pluginIds(Tokens.BO, f.slug).contains("toolbox"), "members do not see a plugin that is off");
        assertTrue(pluginIds(Tokens.COMMUNITY_ADMIN, f.slug).contains("toolbox"), "the admin does, to switch it on");

        Fixtures.switchPlugin(f.slug, "toolbox", true);
        assertEquals("Keep me", Api.as(Tokens.ADA).get(f.base() + "/goals/" + id).object().getString("title"));
        assertEquals(1, Api.as(Tokens.ADA).get(f.base() + "/goals").array().size(), "nothing was written while off");
        assertEquals(200, Api.as(Tokens.PROVIDER).get(f.base() + "/goals/" + id).status(), "shares survive too");
    }

    @Test
    void theAdminDeletesTheToolboxDataOfTheCommunityOnlyWhileItIsOff() {
        ToolboxFixtures f = ToolboxFixtures.create("tb-wipe");
        String id = f.create(Tokens.ADA, "goals", "{\"title\": \"Soon gone\"}").getString("id");
        f.share(Tokens.ADA, "goals", id, f.piaId);
        f.create(Tokens.COMMUNITY_ADMIN, "links", "{\"title\": \"Club\", \"url\": \"https://example.org/\", \"kind\": \"activity\"}");
        String data = "/api/communities/" + f.slug + "/plugin-settings/toolbox/data";
        Api.Reply whileOn = Api.as(Tokens.COMMUNITY_ADMIN).delete(data);
        assertEquals(409, whileOn.status(), whileOn::toString);
        assertEquals("plugin_enabled", whileOn.error());
        assertEquals(1, Postgres.count("select count(*) from toolbox_goal where owner_id = ?", f.adaId), "nothing deleted while on");

        Fixtures.switchPlugin(f.slug, "toolbox", false);
        Api.Reply byModerator = Api.as(Tokens.MODERATOR).delete(data);
        assertEquals(403, byModerator.status(), byModerator::toString);
        assertEquals(1, Postgres.count("select count(*) from toolbox_goal where owner_id = ?", f.adaId));
        Api.Reply wiped = Api.as(Tokens.COMMUNITY_ADMIN).delete(data);
        assertEquals(204, wiped.status(), wiped::toString);
        assertEquals(0, Postgres.count("select count(*) from toolbox_goal where owner_id = ?", f.adaId));
        assertEquals(0, Postgres.count("select count(*) from toolbox_share where item_id = ?", id));
        Fixtures.switchPlugin(f.slug, "toolbox", true);
        assertEquals(0, Api.as(Tokens.ADA).get(f.base() + "/goals").array().size());
        assertEquals(0, Api.as(Tokens.ADA).get(f.base() + "/links").array().size());
    }

    private static List<String> pluginIds(String user, String slug) {
        Api.Reply r = Api.as(user).get("/api/communities/" + slug + "/plugins");
        assertEquals(200, r.status(), r::toString);
        return r.array().stream().map(JsonValue::asJsonObject).map(p -> p.getString("id")).toList();
    }

    @Test
    void deletingOnesAccountDeletesOnesToolboxAndTheSharesGivenToOne() {
        ToolboxFixtures f = ToolboxFixtures.create("tb-delete");
        String leaver = TestUsers.ensure("toolbox-leaver-" + UUID.randomUUID().toString().substring(0, 8));
        String leaverId = Fixtures.join(leaver, f.slug, "Lee").getString("memberId");
        bodies(marker()).forEach((kind, body) -> {
            String id = f.create(leaver, kind, body).getString("id");
            f.share(leaver, kind, id, f.piaId);
        });
        String bosGoal = f.create(Tokens.BO, "goals", "{\"title\": \"Bo's own\"}").getString("id");
        f.share(Tokens.BO, "goals", bosGoal, leaverId);
        assertEquals(4, Api.as(Tokens.PROVIDER).get(f.base() + "/shared-with-me").array().size());
        assertEquals(5, Postgres.count("select count(*) from toolbox_share where owner_id = ? or member_id = ?", leaverId, leaverId));

        Api.Reply deleted = Api.as(leaver).delete("/api/me");
        assertEquals(204, deleted.status(), deleted::toString);

        assertEquals(0, Api.as(Tokens.PROVIDER).get(f.base() + "/shared-with-me").array().size());
        for (String table : List.of("toolbox_goal", "toolbox_activity", "toolbox_contact", "toolbox_medication")) {
            assertEquals(0, Postgres.count("select count(*) from " + table + " where owner_id = ?", leaverId), table);
        }
        assertEquals(0, Postgres.count("select count(*) from toolbox_share where owner_id = ? or member_id = ?", leaverId, leaverId));
        assertEquals(1, Api.as(Tokens.BO).get(f.base() + "/goals").array().size(), "what others own stays");
        assertEquals(0, Api.as(Tokens.BO).get(f.base() + "/goals/" + bosGoal + "/shares").array().size());
    }

    @Test
    void aMemberWhoLeavesLosesWhatWasSharedWithThemAndKeepsTheirOwn() throws InterruptedException {
        ToolboxFixtures f = ToolboxFixtures.create("tb-leave");
        String id = f.create(Tokens.ADA, "goals", "{\"title\": \"For Bo\"}").getString("id");
        f.share(Tokens.ADA, "goals", id, f.boId);
        f.create(Tokens.BO, "goals", "{\"title\": \"Bo keeps this\"}");
        Api.Reply left = Api.as(Tokens.BO).delete("/api/communities/" + f.slug + "/members/me");
        assertTrue(left.status() == 204 || left.status() == 200, left::toString);
        assertEquals(0, Api.as(Tokens.ADA).get(f.base() + "/goals/" + id + "/shares").array().size(), "not listed once gone");
        // The event reaches plugins after the platform's commit; the share row goes shortly after.
        long shares = 1;
        for (int i = 0; i < 50 && shares > 0; i++) {
            Thread.sleep(100);
            shares = Postgres.count("select count(*) from toolbox_share where member_id = ?", f.boId);
        }
        assertEquals(0, shares);
        assertEquals(1, Postgres.count("select count(*) from toolbox_goal where owner_id = ?", f.boId), "their own data stays");
    }
}
