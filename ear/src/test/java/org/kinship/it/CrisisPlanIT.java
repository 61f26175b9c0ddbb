package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.CrisisPlanFixtures.planJson;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.kinship.it.support.Tokens;

/**
 * The crisis-plan plugin against the real server, Keycloak and PostgreSQL: who may read what through every
 * endpoint (owner, the provider she named, another provider, a moderator, the admin, another member, an
 * outsider, the platform admin, nobody signed in), the view log, revoking, bad input that changes nothing,
 * switching the plugin off and on, the admin's data deletion, and account deletion.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrisisPlanIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private enum Kind { OWNER, NAMED, STRANGER, OUTSIDER, ANONYMOUS }

    private record Actor(String name, String user, Kind kind) {
        Api api() {
            return user == null ? Api.anonymous() : Api.as(user);
        }
    }

    private static List<Actor> cast() {
        return List.of(
                new Actor("owner", Tokens.ADA, Kind.OWNER),
                new Actor("named provider", Tokens.PROVIDER, Kind.NAMED),
                new Actor("other provider", CrisisPlanFixtures.OTHER_PROVIDER, Kind.STRANGER),
                new Actor("moderator", Tokens.MODERATOR, Kind.STRANGER),
                new Actor("community admin", Tokens.COMMUNITY_ADMIN, Kind.STRANGER),
                new Actor("other member", Tokens.BO, Kind.STRANGER),
                new Actor("outsider", Tokens.CAI, Kind.OUTSIDER),
                new Actor("platform admin", Tokens.PLATFORM_ADMIN, Kind.OUTSIDER),
                new Actor("anonymous", null, Kind.ANONYMOUS));
    }

    private static String secret() {
        return "quagga" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long views(String ownerId) {
        return Postgres.count("select count(*) from crisis_plan_view where owner_id = ?", ownerId);
    }

    /** Asserts the refusal every non-member gets, whatever the endpoint. */
    private static void assertRefusedAsNonMember(Actor a, Api.Reply r, String what) {
        if (a.kind() == Kind.ANONYMOUS) {
            assertEquals(401, r.status(), a.name() + " " + what + ": " + r);
            assertEquals("not_authenticated", r.error());
        } else {
            assertEquals(403, r.status(), a.name() + " " + what + ": " + r);
            assertEquals("not_a_member", r.error());
        }
    }

    @Test
    void whoMayReadWhatThroughEveryEndpoint() throws Exception {
        CrisisPlanFixtures f = CrisisPlanFixtures.create("crisis-read");
        String secret = secret();
        String base = f.base();
        Api ada = Api.as(Tokens.ADA);
        Api.Reply saved = ada.put(base + "/plan", planJson(0, secret));
        assertEquals(200, saved.status(), saved::toString);
        assertEquals(1, saved.object().getInt("version"));
        Api.Reply shared = ada.post(base + "/plan/shares", "{\"pseudonym\": \"Pia\"}");
        assertEquals(201, shared.status(), shared::toString);
        assertEquals(f.piaId, shared.object().getJsonArray("shares").getJsonObject(0).getString("memberId"));
        assertEquals("PROVIDER", shared.object().getJsonArray("shares").getJsonObject(0).getString("role"));

        String plan = base + "/plans/" + f.adaId;
        // Every answer to someone who is neither the owner nor the named reader, checked for the plan's words at the end.
        List<String> seen = new ArrayList<>();
        for (Actor a : cast()) {
            Api api = a.api();
            boolean reader = a.kind() == Kind.OWNER || a.kind() == Kind.NAMED;
            // ---- reading Ada's plan: the owner and the one she named; to everyone else it does not exist ----
            for (String path : List.of(plan, plan + "?how=print")) {
                Api.Reply r = api.get(path);
                if (!reader) {
                    seen.add(r.body());
                }
                switch (a.kind()) {
                    case OWNER, NAMED -> {
                        assertEquals(200, r.status(), a.name() + " " + path + ": " + r);
                        assertTrue(r.body().contains(secret), a.name() + " reads the plan");
                        assertEquals(a.kind() == Kind.OWNER, r.object().getBoolean("mine"));
                        assertEquals("Ada", r.object().getString("ownerPseudonym"));
                        assertEquals(2, r.object().getJsonArray("crisisNumbers").size(), "the crisis numbers come along");
                    }
                    case STRANGER -> {
                        assertEquals(404, r.status(), a.name() + " " + path + ": " + r);
                        assertEquals("plan_not_found", r.error());
                    }
                    default -> assertRefusedAsNonMember(a, r, path);
                }
            }
            HttpResponse<String> download = CrisisPlanFixtures.raw(a.user(), plan + "/download", "text/html");
            if (!reader) {
                seen.add(download.body());
            }
            switch (a.kind()) {
                case OWNER, NAMED -> {
                    assertEquals(200, download.statusCode(), a.name() + " download: " + download.body());
                    assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
                    assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(""));
                    assertTrue(download.body().contains(secret) && download.body().contains("116 123"), download.body());
                }
                case STRANGER -> assertEquals(404, download.statusCode(), a.name() + " download: " + download.body());
                case OUTSIDER -> assertEquals(403, download.statusCode(), a.name() + " download");
                case ANONYMOUS -> assertEquals(401, download.statusCode(), a.name() + " download");
            }

            // ---- what only the owner does to Ada's plan: a reader is told it is not theirs, a stranger learns nothing ----
            List<Api.Reply> ownerOnly = List.of(
                    api.put(plan, planJson(0, "overwritten")),         // stale on purpose: even the owner changes nothing here
                    api.get(plan + "/shares"),
                    api.post(plan + "/shares", "{\"pseudonym\": \"Bo\"}"),
                    api.get(plan + "/views"));
            for (int i = 0; i < ownerOnly.size(); i++) {
                Api.Reply r = ownerOnly.get(i);
                if (!reader) {
                    seen.add(r.body());
                }
                String what = "owner-only endpoint " + i;
                switch (a.kind()) {
                    case OWNER -> {
                        if (i == 0) {
                            assertEquals(409, r.status(), r::toString);
                            assertEquals("concurrent_update", r.error());
                        } else if (i == 2) {
                            assertEquals(201, r.status(), r::toString);
                            // Undo at once: Bo must stay a stranger for the rest of the table.
                            assertEquals(200, ada.delete(f.base() + "/plan/shares/" + f.boId).status());
                        } else {
                            assertEquals(200, r.status(), what + ": " + r);
                        }
                    }
                    case NAMED -> {
                        assertEquals(403, r.status(), a.name() + " " + what + ": " + r);
                        assertEquals("not_owner", r.error());
                    }
                    case STRANGER -> {
                        assertEquals(404, r.status(), a.name() + " " + what + ": " + r);
                        assertEquals("plan_not_found", r.error());
                    }
                    default -> assertRefusedAsNonMember(a, r, what);
                }
            }

            // ---- each member's own endpoints: their own data only ----
            for (String own : List.of("/plan", "/plan/shares", "/plan/views", "/shared-with-me")) {
                Api.Reply r = api.get(base + own);
                if (!reader) {
                    seen.add(r.body());
                }
                if (a.kind() == Kind.OUTSIDER || a.kind() == Kind.ANONYMOUS) {
                    assertRefusedAsNonMember(a, r, own);
                    continue;
                }
                assertEquals(200, r.status(), a.name() + " " + own + ": " + r);
                assertEquals(a.kind() == Kind.OWNER && own.equals("/plan"), r.body().contains(secret),
                        a.name() + " " + own + ": " + r);
                assertEquals(2, r.object().getJsonArray("crisisNumbers").size(), own);
            }
            HttpResponse<String> ownCopy = CrisisPlanFixtures.raw(a.user(), base + "/plan/download", "text/html");
            if (a.kind() != Kind.OWNER) {
                seen.add(ownCopy.body());
            }
            if (a.kind() != Kind.OUTSIDER && a.kind() != Kind.ANONYMOUS) {
                assertEquals(200, ownCopy.statusCode());
                assertEquals(a.kind() == Kind.OWNER, ownCopy.body().contains(secret), a.name() + " own copy");
                assertTrue(ownCopy.body().contains("116 123"), "every copy has the crisis numbers");
            }
            if (a.kind() == Kind.NAMED || a.kind() == Kind.STRANGER) {
                JsonArray mine = api.get(base + "/shared-with-me").object().getJsonArray("plans");
                assertEquals(a.kind() == Kind.NAMED ? List.of(f.adaId) : List.of(),
                        mine.stream().map(v -> v.asJsonObject().getString("ownerId")).toList(), a.name());
            }
        }

        // Only the named provider's three reads are in the log: web, print, download. The owner's are not.
        JsonObject log = ada.get(base + "/plan/views").object();
        JsonArray views = log.getJsonArray("views");
        assertEquals(List.of("download", "print", "web"), views.stream().map(v -> v.asJsonObject().getString("how")).toList(),
                log::toString);
        for (var v : views) {
            assertEquals(f.piaId, v.asJsonObject().getString("viewerId"));
            assertEquals("Pia", v.asJsonObject().getString("pseudonym"));
        }
        assertEquals(3, views(f.adaId));
        assertEquals(1, ada.get(plan).object().getInt("version"), "nothing in the table changed the plan");

        // Nothing about the plan reaches moderators, admins or the operator through the platform's other doors.
        String c = "/api/communities/" + f.slug;
        for (Api.Reply r : List.of(
                Api.as(Tokens.MODERATOR).get(c + "/forum/search?q=" + secret),
                Api.as(Tokens.MODERATOR).get(c + "/moderation/queue"),
                Api.as(Tokens.MODERATOR).get(c + "/notifications"),
                Api.as(Tokens.COMMUNITY_ADMIN).get(c + "/moderation/log"),
                Api.as(Tokens.COMMUNITY_ADMIN).get(c + "/notifications"),
                Api.as(Tokens.COMMUNITY_ADMIN).get(c + "/plugins"),
                Api.as(Tokens.PLATFORM_ADMIN).get("/api/plugins"),
                Api.as(Tokens.PROVIDER).get(c + "/notifications"))) {
            seen.add(r.body());
        }
        for (String body : seen) {
            assertFalse(body.contains(secret), "only the owner and the named reader ever see the plan: " + body);
        }
        assertFalse(serverLog().contains(secret), "the plan's words never reach the server log");
        assertFalse(serverLog().contains("Speak slowly"), "the plan's words never reach the server log");

        // Revoking takes effect at once.
        Api.Reply revoked = ada.delete(base + "/plan/shares/" + f.piaId);
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals(0, revoked.object().getJsonArray("shares").size());
        Api pia = Api.as(Tokens.PROVIDER);
        Api.Reply gone = pia.get(plan);
        assertEquals(404, gone.status(), gone::toString);
        assertEquals("plan_not_found", gone.error());
        assertEquals(404, CrisisPlanFixtures.raw(Tokens.PROVIDER, plan + "/download", "text/html").statusCode());
        assertEquals(0, pia.get(base + "/shared-with-me").object().getJsonArray("plans").size());
        assertEquals(404, pia.put(plan, planJson(1, "x")).status(), "no longer a reader: not even told it exists");
        assertEquals(3, views(f.adaId), "refused reads are not views");
    }

    @Test
    void badInputIsRefusedWithItsOwnCodeAndChangesNothing() throws Exception {
        CrisisPlanFixtures f = CrisisPlanFixtures.create("crisis-bad");
        String base = f.base();
        Api ada = Api.as(Tokens.ADA);
        String secret = secret();
        assertEquals(200, ada.put(base + "/plan", planJson(0, secret)).status());
        assertEquals(201, ada.post(base + "/plan/shares", "{\"pseudonym\": \"Pia\"}").status());
        String before = ada.get(base + "/plan").body();
        String sharesBefore = ada.get(base + "/plan/shares").body();

        String contacts = "\"contacts\": [{\"name\": \"Mum\", \"relation\": \"\", \"phone\": \"112\", \"kind\": \"personal\"}]";
        record Bad(String what, String method, String path, String body, int status, String code) {
        }
        List<Bad> table = List.of(
                new Bad("a line too long", "PUT", "/plan", "{\"expectedVersion\": 1, \"warningSigns\": [\"" + "x".repeat(301) + "\"]}",
                        400, "item_invalid"),
                new Bad("an empty line", "PUT", "/plan", "{\"expectedVersion\": 1, \"selfHelp\": [\"ok\", \"  \"]}", 400, "item_invalid"),
                new Bad("31 lines", "PUT", "/plan", "{\"expectedVersion\": 1, \"othersCanDo\": [" + "\"x\",".repeat(30) + "\"x\"]}",
                        400, "too_many_items"),
                new Bad("21 contacts", "PUT", "/plan", "{\"expectedVersion\": 1, \"contacts\": ["
                        + "{\"name\": \"A\", \"relation\": \"\", \"phone\": \"112\", \"kind\": \"personal\"},".repeat(20)
                        + "{\"name\": \"A\", \"relation\": \"\", \"phone\": \"112\", \"kind\": \"personal\"}]}", 400, "too_many_contacts"),
                new Bad("a phone that is not one", "PUT", "/plan", "{\"expectedVersion\": 1, "
                        + contacts.replace("112", "call me maybe") + "}", 400, "phone_invalid"),
                new Bad("a contact without a name", "PUT", "/plan", "{\"expectedVersion\": 1, "
                        + contacts.replace("Mum", "") + "}", 400, "contact_name_invalid"),
                new Bad("a contact of no known kind", "PUT", "/plan", "{\"expectedVersion\": 1, "
                        + contacts.replace("personal", "neighbour") + "}", 400, "contact_kind_invalid"),
                new Bad("a text too long", "PUT", "/plan", "{\"expectedVersion\": 1, \"ifCannotSpeak\": \"" + "y".repeat(4001) + "\"}",
                        400, "text_too_long"),
                new Bad("a negative version", "PUT", "/plan", "{\"expectedVersion\": -1}", 400, "version_invalid"),
                new Bad("a stale version", "PUT", "/plan", planJson(0, "stale"), 409, "concurrent_update"),
                new Bad("a future version", "PUT", "/plan", planJson(2, "future"), 409, "concurrent_update"),
                new Bad("malformed JSON", "PUT", "/plan", "{\"warningSigns\": [", 400, "malformed_request"),
                new Bad("a list that is not a list", "PUT", "/plan", "{\"warningSigns\": {\"a\": 1}}", 400, "malformed_request"),
                new Bad("sharing with nobody", "POST", "/plan/shares", "{}", 400, "share_target_required"),
                new Bad("sharing with two at once", "POST", "/plan/shares", "{\"pseudonym\": \"Bo\", \"member\": " + Api.str(f.boId) + "}",
                        400, "share_target_required"),
                new Bad("sharing with a non-member", "POST", "/plan/shares", "{\"pseudonym\": \"Nobody Here\"}", 404,
                        "share_target_not_member"),
                new Bad("sharing with another community's member", "POST", "/plan/shares", "{\"member\": " + Api.str(f.caiId) + "}",
                        404, "share_target_not_member"),
                new Bad("sharing with an id that is not one", "POST", "/plan/shares", "{\"member\": \"'; drop table x; --\"}", 404,
                        "share_target_not_member"),
                new Bad("sharing with oneself", "POST", "/plan/shares", "{\"pseudonym\": \"ada\"}", 400, "cannot_share_with_self"),
                new Bad("sharing twice", "POST", "/plan/shares", "{\"member\": " + Api.str(f.piaId) + "}", 409, "already_shared"),
                new Bad("revoking what was not shared", "DELETE", "/plan/shares/" + f.boId, null, 404, "share_not_found"),
                new Bad("an unknown way of reading", "GET", "/plans/" + f.adaId + "?how=fax", null, 400, "how_invalid"),
                new Bad("a page cursor that is not one", "GET", "/plan/views?before=abc", null, 400, "before_invalid"));
        for (Bad bad : table) {
            Api.Reply r = switch (bad.method()) {
                case "PUT" -> ada.put(base + bad.path(), bad.body());
                case "POST" -> ada.post(base + bad.path(), bad.body());
                case "DELETE" -> ada.delete(base + bad.path());
                default -> ada.get(base + bad.path());
            };
            assertEquals(bad.status(), r.status(), bad.what() + ": " + r);
            assertEquals(bad.code(), r.error(), bad.what());
            assertFalse(r.body().contains(secret), bad.what() + ": an error never repeats the plan");
            assertEquals(before, ada.get(base + "/plan").body(), bad.what() + " changed the plan");
            assertEquals(sharesBefore, ada.get(base + "/plan/shares").body(), bad.what() + " changed the shares");
        }
        // Not JSON at all is the host's refusal, with the same promise.
        Api.Reply text = ada.send(ada.builder(base + "/plan").header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("hello")));
        assertEquals(415, text.status(), text::toString);
        // Someone it was shared with still cannot change it.
        Api.Reply reader = Api.as(Tokens.PROVIDER).put(base + "/plans/" + f.adaId, planJson(1, "mine now"));
        assertEquals(403, reader.status(), reader::toString);
        assertEquals("not_owner", reader.error());
        assertEquals(before, ada.get(base + "/plan").body());
        assertEquals(0, views(f.adaId), "nothing in the table was a read by someone else");

        // Two saves from the same version at the same moment: one wins, one is told, nothing is half-written.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> saves = new ArrayList<>();
        for (String word : List.of("left", "right")) {
            saves.add(pool.submit(() -> {
                go.await();
                return ada.put(base + "/plan", planJson(1, word));
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Reply> s : saves) {
            statuses.add(s.get(60, TimeUnit.SECONDS).status());
        }
        pool.shutdown();
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        JsonObject after = ada.get(base + "/plan").object();
        assertEquals(2, after.getInt("version"));
        assertEquals(2, after.getJsonArray("warningSigns").size(), "one whole plan, not a mix of two");
    }

    @Test
    void switchingThePluginOffAndOnKeepsThePlanAndOnlyTheAdminMaySwitch() {
        CrisisPlanFixtures f = CrisisPlanFixtures.create("crisis-switch");
        String base = f.base();
        Api ada = Api.as(Tokens.ADA);
        assertEquals(200, ada.put(base + "/plan", planJson(0, "kept")).status());

        Api.Reply byModerator = Api.as(Tokens.MODERATOR).put("/api/communities/" + f.slug + "/plugin-settings/crisis-plan",
                "{\"enabled\": false}");
        assertEquals(403, byModerator.status(), byModerator::toString);
        assertEquals("forbidden", byModerator.error());

        Fixtures.switchPlugin(f.slug, CrisisPlanFixtures.PLUGIN, false);
        for (String path : List.of("/plan", "/plans/" + f.adaId, "/shared-with-me")) {
            Api.Reply off = ada.get(base + path);
            assertEquals(409, off.status(), off::toString);
            assertEquals("plugin_not_enabled", off.error());
        }
        // While off, members do not see it listed; the admin does, to switch it back on.
        assertFalse(Api.as(Tokens.BO).get("/api/communities/" + f.slug + "/plugins").body().contains("\"crisis-plan\""));
        JsonObject entry = Api.as(Tokens.COMMUNITY_ADMIN).get("/api/communities/" + f.slug + "/plugins").array().stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("id").equals("crisis-plan")).findFirst().orElseThrow();
        assertFalse(entry.getBoolean("enabled"));

        Fixtures.switchPlugin(f.slug, CrisisPlanFixtures.PLUGIN, true);
        JsonObject back = ada.get(base + "/plan").object();
        assertTrue(back.getBoolean("exists"));
        assertTrue(back.getString("ifCannotSpeak").contains("kept"));
        JsonObject listed = Api.as(Tokens.BO).get("/api/communities/" + f.slug + "/plugins").array().stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("id").equals("crisis-plan")).findFirst().orElseThrow();
        assertEquals(List.of("", "shared"), listed.getJsonArray("pages").stream()
                .map(p -> p.asJsonObject().getString("path")).toList());
        assertEquals("Kriseplan", listed.getJsonObject("names").getString("nb"));
    }

    @Test
    void theAdminDeletesTheCommunitysPlansOnlyWhileTheyAreOff() {
        CrisisPlanFixtures f = CrisisPlanFixtures.create("crisis-wipe");
        CrisisPlanFixtures other = CrisisPlanFixtures.create("crisis-keep");
        Api ada = Api.as(Tokens.ADA);
        assertEquals(200, ada.put(f.base() + "/plan", planJson(0, "wiped")).status());
        assertEquals(201, ada.post(f.base() + "/plan/shares", "{\"pseudonym\": \"Pia\"}").status());
        assertEquals(200, Api.as(Tokens.PROVIDER).get(f.base() + "/plans/" + f.adaId).status());
        assertEquals(200, ada.put(other.base() + "/plan", planJson(0, "kept")).status());
        String data = "/api/communities/" + f.slug + "/plugin-settings/crisis-plan/data";

        Api.Reply whileOn = Api.as(Tokens.COMMUNITY_ADMIN).delete(data);
        assertEquals(409, whileOn.status(), whileOn::toString);
        assertEquals("plugin_enabled", whileOn.error());
        assertEquals(1, Postgres.count("select count(*) from crisis_plan_plan where owner_id = ?", f.adaId));

        Fixtures.switchPlugin(f.slug, CrisisPlanFixtures.PLUGIN, false);
        assertEquals(403, Api.as(Tokens.MODERATOR).delete(data).status());
        assertEquals(204, Api.as(Tokens.COMMUNITY_ADMIN).delete(data).status());
        for (String table : List.of("crisis_plan_plan", "crisis_plan_item", "crisis_plan_contact", "crisis_plan_share",
                "crisis_plan_view")) {
            assertEquals(0, Postgres.count("select count(*) from " + table + " where owner_id = ?", f.adaId), table);
        }
        Fixtures.switchPlugin(f.slug, CrisisPlanFixtures.PLUGIN, true);
        assertFalse(ada.get(f.base() + "/plan").object().getBoolean("exists"));
        assertTrue(ada.get(other.base() + "/plan").object().getBoolean("exists"), "another community's plans stay");
    }

    @Test
    void deletingOnesAccountDeletesThePlanTheSharesAndOnesNameInOthersLogs() {
        CrisisPlanFixtures f = CrisisPlanFixtures.create("crisis-gone");
        String leaver = CrisisPlanFixtures.uniqueUser("crisis-leaver");
        String leaverId = Fixtures.join(leaver, f.slug, "Liv " + leaver.substring(leaver.length() - 4)).getString("memberId");
        String base = f.base();
        Api liv = Api.as(leaver);
        Api ada = Api.as(Tokens.ADA);
        // Liv writes a plan and shares it with Pia, who reads it; Ada shares hers with Liv, who reads it.
        assertEquals(200, liv.put(base + "/plan", planJson(0, "livs")).status());
        assertEquals(201, liv.post(base + "/plan/shares", "{\"member\": " + Api.str(f.piaId) + "}").status());
        assertEquals(200, Api.as(Tokens.PROVIDER).get(base + "/plans/" + leaverId).status());
        assertEquals(200, ada.put(base + "/plan", planJson(0, "adas")).status());
        assertEquals(201, ada.post(base + "/plan/shares", "{\"member\": " + Api.str(leaverId) + "}").status());
        assertEquals(200, liv.get(base + "/plans/" + f.adaId + "?how=print").status());
        assertEquals(1, Postgres.count("select count(*) from crisis_plan_view where viewer_id = ?", leaverId));

        Api.Reply deleted = liv.delete("/api/me");
        assertEquals(204, deleted.status(), deleted::toString);

        assertEquals(0, Postgres.count("select count(*) from crisis_plan_plan where owner_id = ?", leaverId));
        assertEquals(0, Postgres.count("select count(*) from crisis_plan_item where owner_id = ?", leaverId));
        assertEquals(0, Postgres.count("select count(*) from crisis_plan_contact where owner_id = ?", leaverId));
        assertEquals(0, Postgres.count("select count(*) from crisis_plan_share where owner_id = ? or member_id = ?",
                leaverId, leaverId));
        assertEquals(0, Postgres.count("select count(*) from crisis_plan_view where owner_id = ? or viewer_id = ?",
                leaverId, leaverId));
        assertEquals(0, Postgres.count("select count(*) from crisis_plan_view where viewer_pseudonym like 'Liv %'"));
        // Ada still sees that her plan was printed then, by someone who has since deleted their account.
        JsonArray log = ada.get(base + "/plan/views").object().getJsonArray("views");
        assertEquals(1, log.size(), log::toString);
        assertTrue(Api.isNull(log.getJsonObject(0), "viewerId") && Api.isNull(log.getJsonObject(0), "pseudonym"), log::toString);
        assertEquals("print", log.getJsonObject(0).getString("how"));
        assertEquals(0, ada.get(base + "/plan/shares").object().getJsonArray("shares").size());
        assertEquals(404, Api.as(Tokens.PROVIDER).get(base + "/plans/" + leaverId).status());
        assertTrue(Api.as(Tokens.PROVIDER).get(base + "/shared-with-me").object().getJsonArray("plans").isEmpty());
        assertNotEquals(0, Postgres.count("select count(*) from crisis_plan_plan where owner_id = ?", f.adaId));
    }

    @Test
    void leavingTheCommunityEndsEveryShareWithTheLeaver() throws Exception {
        CrisisPlanFixtures f = CrisisPlanFixtures.create("crisis-leave");
        Api ada = Api.as(Tokens.ADA);
        String base = f.base();
        assertEquals(200, ada.put(base + "/plan", planJson(0, "x")).status());
        assertEquals(201, ada.post(base + "/plan/shares", "{\"pseudonym\": \"Bo\"}").status());
        assertEquals(204, Api.as(Tokens.BO).delete("/api/communities/" + f.slug + "/members/me").status());
        // Delivered after commit, off the request thread: wait for it a little.
        for (int i = 0; i < 50 && Postgres.count("select count(*) from crisis_plan_share where member_id = ?", f.boId) > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, Postgres.count("select count(*) from crisis_plan_share where member_id = ?", f.boId));
        assertTrue(ada.get(base + "/plan/shares").object().getJsonArray("shares").isEmpty());
    }

    private static String serverLog() throws Exception {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
