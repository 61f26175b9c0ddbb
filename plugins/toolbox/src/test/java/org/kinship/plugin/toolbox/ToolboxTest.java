package org.kinship.plugin.toolbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.plugin.api.Member;
import org.kinship.plugin.api.MemberRole;
import org.kinship.plugin.api.PlatformEvent;
import org.kinship.plugin.api.PluginException;

/** The resource on H2, in its default mode and in PostgreSQL mode: reading rule, sharing, validation, deletion. */
class ToolboxTest {
    private static final String GOAL = "{\"title\": \"Walk every day\", \"why\": \"Sleep better\","
            + " \"steps\": [{\"text\": \"Buy shoes\", \"done\": true}, {\"text\": \"First walk\"}, {\"text\": \"A week of walks\"}]}";

    private H2Toolbox box;
    private Member ada;
    private Member pia;
    private Member pal;
    private Member mona;
    private Member admin;
    private Member bo;

    private void setUp(String mode) throws Exception {
        box = new H2Toolbox(mode);
        ada = box.member("Ada", MemberRole.MEMBER);
        pia = box.member("Pia", MemberRole.PROVIDER);
        pal = box.member("Pal", MemberRole.PROVIDER);
        mona = box.member("Mona", MemberRole.MODERATOR);
        admin = box.member("Host", MemberRole.ADMIN);
        bo = box.member("Bo", MemberRole.MEMBER);
    }

    private static JsonObject object(JsonStructure r) {
        return r.asJsonObject();
    }

    private static JsonArray array(JsonStructure r) {
        return (JsonArray) r;
    }

    private static String code(Runnable call) {
        PluginException e = assertThrows(PluginException.class, call::run);
        return e.code();
    }

    private String createGoal() {
        return object(box.as(ada).create("goals", GOAL)).getString("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PostgreSQL"})
    void aGoalIsItsOwnersAloneUntilSharedAndThenReadOnlyForTheOneNamed(String mode) throws Exception {
        setUp(mode.isEmpty() ? null : mode);
        String id = createGoal();
        JsonObject goal = object(box.as(ada).read("goals", id));
        assertEquals(33, goal.getInt("progress"), "one of three steps done");
        assertEquals("steps", goal.getString("progressFrom"));
        assertTrue(goal.getBoolean("mine"));

        for (Member other : List.of(pia, pal, mona, admin, bo)) {
            assertEquals("item_not_found", code(() -> box.as(other).read("goals", id)), other.pseudonym());
            assertEquals("item_not_found", code(() -> box.as(other).change("goals", id, "{\"title\": \"x\", \"version\": 1}")));
            assertEquals("item_not_found", code(() -> box.as(other).delete("goals", id)));
            assertEquals("item_not_found", code(() -> box.as(other).shares("goals", id)));
            assertEquals(0, array(box.as(other).list("goals")).size(), "lists only one's own");
        }
        assertEquals("not_authenticated", code(() -> box.as(null).read("goals", id)));

        box.as(ada).share("goals", id, "{\"pseudonym\": \"Pia\"}");
        JsonObject seen = object(box.as(pia).read("goals", id));
        assertEquals("Walk every day", seen.getString("title"));
        assertFalse(seen.getBoolean("mine"));
        assertEquals("Ada", seen.getJsonObject("owner").getString("pseudonym"));
        assertFalse(seen.containsKey("sharedWith"), "who else it is shared with is not the reader's business");
        assertEquals("not_owner", code(() -> box.as(pia).change("goals", id, GOAL.replace("{\"title\"", "{\"version\": 1, \"title\""))));
        assertEquals("not_owner", code(() -> box.as(pia).delete("goals", id)));
        assertEquals("not_owner", code(() -> box.as(pia).share("goals", id, "{\"pseudonym\": \"Bo\"}")));
        assertEquals(1, array(box.as(pia).sharedWithMe()).size());
        for (Member other : List.of(pal, mona, admin, bo)) {
            assertEquals("item_not_found", code(() -> box.as(other).read("goals", id)), other.pseudonym());
            assertEquals(0, array(box.as(other).sharedWithMe()).size());
        }
        assertEquals(1, array(box.as(ada).shares("goals", id)).size());
        assertEquals("Pia", array(box.as(ada).list("goals")).getJsonObject(0).getJsonArray("sharedWith").getJsonObject(0)
                .getString("pseudonym"), "the owner's list shows with whom each item is shared");

        box.as(ada).unshare("goals", id, pia.id());
        assertEquals("item_not_found", code(() -> box.as(pia).read("goals", id)), "revoked at once");
        assertEquals(0, array(box.as(pia).sharedWithMe()).size());
        assertEquals("share_not_found", code(() -> box.as(ada).unshare("goals", id, pia.id())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PostgreSQL"})
    void badInputIsRefusedWithItsOwnCodeAndChangesNothing(String mode) throws Exception {
        setUp(mode.isEmpty() ? null : mode);
        String id = createGoal();
        JsonObject before = object(box.as(ada).read("goals", id));
        String[][] cases = {
                {"goals", "not json", "malformed_request"},
                {"goals", "[1]", "malformed_request"},
                {"goals", "{\"title\": \"\"}", "title_invalid"},
                {"goals", "{\"title\": \"two\\nlines\"}", "title_invalid"},
                {"goals", "{\"title\": 5}", "title_invalid"},
                {"goals", "{\"title\": \"" + "x".repeat(151) + "\"}", "title_invalid"},
                {"goals", "{\"title\": \"ok\", \"progress\": 101}", "progress_invalid"},
                {"goals", "{\"title\": \"ok\", \"progress\": 1.5}", "progress_invalid"},
                {"goals", "{\"title\": \"ok\", \"steps\": [{\"text\": \"\"}]}", "steps_invalid"},
                {"goals", "{\"title\": \"ok\", \"steps\": \"one\"}", "steps_invalid"},
                {"goals", "{\"title\": \"ok\", \"why\": \"" + "x".repeat(2001) + "\"}", "text_too_long"},
                {"activities", "{\"title\": \"Swim\", \"date\": \"2026-02-30\", \"start\": \"10:00\"}", "date_invalid"},
                {"activities", "{\"title\": \"Swim\", \"date\": \"30.11.2026\", \"start\": \"10:00\"}", "date_invalid"},
                {"activities", "{\"title\": \"Swim\", \"date\": \"2026-11-30\", \"start\": \"25:00\"}", "time_invalid"},
                {"activities", "{\"title\": \"Swim\", \"date\": \"2026-11-30\", \"start\": \"10:00\", \"end\": \"09:00\"}", "time_invalid"},
                {"activities", "{\"title\": \"Swim\", \"date\": \"2026-11-30\"}", "time_invalid"},
                {"network", "{\"name\": \"Kari\", \"closeness\": 4}", "closeness_invalid"},
                {"network", "{\"name\": \"Kari\", \"closeness\": \"close\"}", "closeness_invalid"},
                {"network", "{\"closeness\": 1}", "name_invalid"},
                {"medications", "{\"name\": \"Sertraline\", \"doseAmount\": \"fifty\", \"doseUnit\": \"mg\"}", "dose_invalid"},
                {"medications", "{\"name\": \"Sertraline\", \"doseAmount\": -5, \"doseUnit\": \"mg\"}", "dose_invalid"},
                {"medications", "{\"name\": \"Sertraline\", \"doseAmount\": 0, \"doseUnit\": \"mg\"}", "dose_invalid"},
                {"medications", "{\"name\": \"Sertraline\", \"doseAmount\": 1.2345, \"doseUnit\": \"mg\"}", "dose_invalid"},
                {"medications", "{\"name\": \"Sertraline\", \"doseAmount\": 50, \"doseUnit\": \"buckets\"}", "dose_invalid"},
                {"medications", "{\"name\": \"Sertraline\", \"doseAmount\": 50, \"doseUnit\": \"mg\", \"times\": [\"8am\"]}", "time_invalid"},
        };
        for (String[] c : cases) {
            assertEquals(c[2], code(() -> box.as(ada).create(c[0], c[1])), c[1]);
        }
        assertEquals("title_invalid", code(() -> box.as(ada).change("goals", id, "{\"title\": \"\", \"version\": 1}")));
        assertEquals("version_invalid", code(() -> box.as(ada).change("goals", id, "{\"title\": \"New\"}")));
        assertEquals("version_conflict", code(() -> box.as(ada).change("goals", id, "{\"title\": \"New\", \"version\": 7}")));
        assertEquals("share_target_not_member", code(() -> box.as(ada).share("goals", id, "{\"pseudonym\": \"Nobody\"}")));
        assertEquals("share_target_not_member", code(() -> box.as(ada).share("goals", id, "{\"memberId\": \"not-an-id\"}")));
        assertEquals("share_with_self", code(() -> box.as(ada).share("goals", id, "{\"memberId\": \"" + ada.id() + "\"}")));
        assertEquals(before, object(box.as(ada).read("goals", id)), "nothing changed");
        for (String kind : List.of("activities", "network", "medications")) {
            assertEquals(0, array(box.as(ada).list(kind)).size(), kind);
        }
        assertEquals(0, box.count("toolbox_share"));
        assertEquals("dose_invalid", code(() -> box.as(ada, "nb").create("medications", "{\"name\": \"X\", \"doseAmount\": \"x\", \"doseUnit\": \"mg\"}")));
        PluginException nb = assertThrows(PluginException.class,
                () -> box.as(ada, "nb").create("medications", "{\"name\": \"X\", \"doseAmount\": \"x\", \"doseUnit\": \"mg\"}"));
        assertTrue(nb.getMessage().startsWith("En dose"), nb.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PostgreSQL"})
    void changesNeedTheVersionReadAndBumpIt(String mode) throws Exception {
        setUp(mode.isEmpty() ? null : mode);
        JsonStructure created = box.as(ada).create("medications",
                "{\"name\": \"Sertraline\", \"doseAmount\": \"2,5\", \"doseUnit\": \"mg\", \"times\": [\"20:00\", \"08:00\", \"08:00\"], \"purpose\": \"Mood\"}");
        JsonObject med = object(created);
        assertEquals("2.5", med.getString("doseAmount"));
        assertEquals(List.of("08:00", "20:00"), med.getJsonArray("times").getValuesAs(jakarta.json.JsonString::getString));
        String id = med.getString("id");
        JsonObject changed = object(box.as(ada).change("medications", id,
                "{\"name\": \"Sertraline\", \"doseAmount\": 50, \"doseUnit\": \"mg\", \"sideEffects\": \"Dry mouth\", \"version\": 1}"));
        assertEquals(2, changed.getInt("version"));
        assertEquals("50", changed.getString("doseAmount"));
        assertEquals("Dry mouth", changed.getString("sideEffects"));
        assertEquals("version_conflict", code(() -> box.as(ada).change("medications", id,
                "{\"name\": \"Other\", \"doseAmount\": 1, \"doseUnit\": \"mg\", \"version\": 1}")));
        assertEquals("Sertraline", object(box.as(ada).read("medications", id)).getString("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PostgreSQL"})
    void thePlannerShowsOneWeekDayByDay(String mode) throws Exception {
        setUp(mode.isEmpty() ? null : mode);
        box.as(ada).create("activities", "{\"title\": \"Swim\", \"date\": \"2026-11-24\", \"start\": \"10:00\", \"end\": \"11:00\"}");
        box.as(ada).create("activities", "{\"title\": \"Café\", \"date\": \"2026-11-24\", \"start\": \"08:30\"}");
        box.as(ada).create("activities", "{\"title\": \"Next week\", \"date\": \"2026-11-30\", \"start\": \"09:00\"}");
        box.as(bo).create("activities", "{\"title\": \"Not Ada's\", \"date\": \"2026-11-24\", \"start\": \"09:00\"}");
        JsonObject week = object(box.as(ada).planner("2026-W48", null));
        assertEquals("2026-11-23", week.getString("from"));
        assertEquals("2026-11-29", week.getString("to"));
        JsonArray tuesday = week.getJsonArray("days").getJsonObject(1).getJsonArray("activities");
        assertEquals(List.of("Café", "Swim"), tuesday.stream().map(a -> a.asJsonObject().getString("title")).toList());
        assertEquals(7, week.getJsonArray("days").size());
        assertEquals("2026-W48", object(box.as(ada).planner(null, null)).getString("week"), "this week by default");
        assertEquals("2026-11-24", object(box.as(ada).planner(null, "2026-11-24")).getString("from"));
        assertEquals("2026-12-28", object(box.as(ada).planner("2026-W53", null)).getString("from"));
        for (String bad : List.of("2025-W53", "2026-W00", "2026-48", "W48")) {
            assertEquals("date_invalid", code(() -> box.as(ada).planner(bad, null)), bad);
        }
        assertEquals("date_invalid", code(() -> box.as(ada).planner(null, "2026-13-01")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PostgreSQL"})
    void curatedContentIsReadByEveryMemberAndChangedOnlyByCurators(String mode) throws Exception {
        setUp(mode.isEmpty() ? null : mode);
        String exercise = "{\"title\": \"Box breathing\", \"kind\": \"mindfulness\", \"body\": \"In for four...\", \"minutes\": 5}";
        assertEquals("forbidden", code(() -> box.as(ada).create("exercises", exercise)));
        assertEquals("forbidden", code(() -> box.as(mona).create("exercises", exercise)));
        String id = object(box.as(admin).create("exercises", exercise)).getString("id");
        for (Member m : List.of(ada, pia, mona, bo)) {
            assertEquals("Box breathing", object(box.as(m).read("exercises", id)).getString("title"));
            assertEquals("forbidden", code(() -> box.as(m).delete("exercises", id)));
        }
        assertEquals("kind_invalid", code(() -> box.as(admin).create("exercises", exercise.replace("mindfulness", "yoga"))));
        assertEquals("url_invalid", code(() -> box.as(admin).create("links",
                "{\"title\": \"Bad\", \"url\": \"javascript:alert(1)\", \"kind\": \"activity\"}")));
        assertEquals("url_invalid", code(() -> box.as(admin).create("links",
                "{\"title\": \"Bad\", \"url\": \"https://user:pw@example.org/\", \"kind\": \"activity\"}")));
        box.as(admin).create("links",
                "{\"title\": \"Mental Helse\", \"url\": \"https://mentalhelse.no/\", \"kind\": \"organisation\"}");
        assertEquals(1, array(box.as(bo).list("links")).size());
        box.as(admin).delete("exercises", id);
        assertEquals("item_not_found", code(() -> box.as(ada).read("exercises", id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PostgreSQL"})
    void deletingAnAccountDeletesItsItemsAndSharesAndLeavingEndsSharesToTheLeaver(String mode) throws Exception {
        setUp(mode.isEmpty() ? null : mode);
        String goal = createGoal();
        box.as(ada).share("goals", goal, "{\"pseudonym\": \"Pia\"}");
        String bosGoal = object(box.as(bo).create("goals", "{\"title\": \"Bo's\"}")).getString("id");
        box.as(bo).share("goals", bosGoal, "{\"pseudonym\": \"Ada\"}");
        box.as(ada).create("network", "{\"name\": \"Kari\", \"closeness\": \"inner\", \"relation\": \"Sister\"}");
        box.as(ada).create("medications", "{\"name\": \"X\", \"doseAmount\": 1, \"doseUnit\": \"tablet\"}");
        box.as(ada).create("activities", "{\"title\": \"Swim\", \"date\": \"2026-11-24\", \"start\": \"10:00\"}");

        // Pia leaves: her access ends and she is not listed as having it, even if she comes back.
        box.members.remove(pia.id());
        box.plugin.onEvent(new PlatformEvent.MemberLeft(box.community.id(), pia.id()), box);
        box.members.put(pia.id(), pia);
        assertEquals("item_not_found", code(() -> box.as(pia).read("goals", goal)));
        assertEquals(0, array(box.as(ada).shares("goals", goal)).size());
        assertEquals(1, object(box.as(ada).read("goals", goal)).getInt("version"), "her own data kept");

        box.members.remove(ada.id());
        box.plugin.onEvent(new PlatformEvent.MemberDeleted(box.community.id(), ada.id()), box);
        for (String table : List.of("toolbox_goal where owner_id = ?", "toolbox_activity where owner_id = ?",
                "toolbox_contact where owner_id = ?", "toolbox_medication where owner_id = ?",
                "toolbox_share where owner_id = ? or member_id = ?")) {
            String sql = "select count(*) from " + table;
            Object[] params = table.contains(" or ") ? new Object[] {ada.id(), ada.id()} : new Object[] {ada.id()};
            assertEquals(0, (int) box.inTransaction(c -> new Store(c).count(sql, params)), table);
        }
        assertEquals(1, array(box.as(bo).list("goals")).size(), "others keep theirs");

        box.plugin.deleteCommunityData(box.community.id(), box);
        for (String table : List.of("toolbox_goal", "toolbox_activity", "toolbox_contact", "toolbox_medication", "toolbox_share",
                "toolbox_exercise", "toolbox_link")) {
            assertEquals(0, box.count(table), table);
        }
    }
}
