package org.kinship.plugin.crisisplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinship.plugin.api.PlatformEvent;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.crisisplan.PlanContent.Contact;

/** The store on H2 as the embedded server runs it (the ITs cover PostgreSQL): the migration, versions, shares, deletion. */
class PlanStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final H2Database db = new H2Database();
    private final PlanStore store = new PlanStore(db, "community-a");
    private final PlanStore other = new PlanStore(db, "community-b");

    private static PlanContent plan(String sign) {
        return new PlanContent(List.of(sign, "Not eating"), List.of("Walk"), List.of(),
                List.of(new Contact("Mum", "", "+47 912 34 567", "personal"), new Contact("GP", "Dr Berg", "22 33 44 55", "professional")),
                "Speak slowly.\nNo hospital B.");
    }

    @Test
    void savesReadsAndReplacesWithVersions() {
        assertTrue(store.plan("ada").isEmpty());
        assertEquals(1, store.save("ada", plan("Sleeping badly"), 0L, T0, "en"));
        PlanStore.StoredPlan stored = store.plan("ada").orElseThrow();
        assertEquals(plan("Sleeping badly"), stored.content());
        assertEquals(T0, stored.updatedAt());

        assertEquals(2, store.save("ada", PlanContent.empty(), 1L, T0.plusSeconds(5), "en"));
        assertEquals(PlanContent.empty(), store.plan("ada").orElseThrow().content(), "a save replaces every part");
        assertEquals(0, db.count("select count(*) from crisis_plan_item"));
        assertEquals(3, store.save("ada", plan("x"), null, T0, "en"), "without expectedVersion the last write wins");
    }

    @Test
    void aStaleWriteIsRefusedAndChangesNothing() {
        store.save("ada", plan("first"), 0L, T0, "en");
        PluginException stale = assertThrows(PluginException.class, () -> store.save("ada", plan("second"), 0L, T0, "en"));
        assertEquals("concurrent_update", stale.code());
        assertEquals(409, stale.status());
        assertThrows(PluginException.class, () -> store.save("ada", plan("second"), 7L, T0, "en"));
        assertThrows(PluginException.class, () -> store.save("bo", plan("second"), 1L, T0, "en"), "no plan is version 0");
        assertEquals("first", store.plan("ada").orElseThrow().content().warningSigns().get(0));
        assertEquals(1, store.plan("ada").orElseThrow().version());
        assertTrue(store.plan("bo").isEmpty());
    }

    @Test
    void sharesAndTheViewLog() {
        store.save("ada", plan("s"), 0L, T0, "en");
        assertTrue(store.share("ada", "pia", T0));
        assertFalse(store.share("ada", "pia", T0), "twice is once");
        assertTrue(store.isShared("ada", "pia"));
        assertFalse(other.isShared("ada", "pia"), "a share is per community");
        assertEquals(List.of("ada"), store.sharedWith("pia").stream().map(PlanStore.SharedPlan::ownerId).toList());
        store.share("bo", "pia", T0);
        assertEquals(1, store.sharedWith("pia").size(), "a share of a plan never written shows nothing");

        for (int i = 0; i < 5; i++) {
            store.recordView("ada", "pia", "Pia", T0.plusSeconds(i), i == 4 ? "download" : "web");
        }
        List<PlanStore.View> page = store.views("ada", null, 3);
        assertEquals(3, page.size());
        assertEquals("download", page.get(0).how(), "newest first");
        assertEquals(2, store.views("ada", page.get(2).id(), 3).size());

        assertTrue(store.unshare("ada", "pia"));
        assertFalse(store.unshare("ada", "pia"));
        assertFalse(store.isShared("ada", "pia"));
    }

    @Test
    void aDeletedAccountLeavesNothingButAnAnonymousLineInOthersLogs() {
        store.save("ada", plan("s"), 0L, T0, "en");
        store.save("pia", plan("p"), 0L, T0, "en");
        store.share("ada", "pia", T0);
        store.share("pia", "ada", T0);
        store.share("pia", "bo", T0);
        store.recordView("ada", "pia", "Pia", T0, "web");
        store.recordView("pia", "ada", "Ada", T0, "print");
        other.save("pia", plan("elsewhere"), 0L, T0, "en");

        new CrisisPlanPlugin().onEvent(new PlatformEvent.MemberDeleted("community-a", "pia"), db);

        assertTrue(store.plan("pia").isEmpty());
        assertEquals(0, db.count("select count(*) from crisis_plan_item where owner_id = 'pia' and community_id = 'community-a'"));
        assertEquals(0, db.count("select count(*) from crisis_plan_contact where owner_id = 'pia' and community_id = 'community-a'"));
        assertEquals(0, db.count("select count(*) from crisis_plan_share where owner_id = 'pia' or member_id = 'pia'"));
        assertEquals(0, db.count("select count(*) from crisis_plan_view where owner_id = 'pia' or viewer_id = 'pia'"));
        assertEquals(0, db.count("select count(*) from crisis_plan_view where viewer_pseudonym = 'Pia'"));
        PlanStore.View anonymous = store.views("ada", null, 10).get(0);
        assertNull(anonymous.viewerId());
        assertNull(anonymous.viewerPseudonym());
        assertEquals("web", anonymous.how());
        assertTrue(store.plan("ada").isPresent(), "other people's plans stay");
        assertTrue(other.plan("pia").isPresent(), "the same person's plan in another community is another member's");
    }

    @Test
    void leavingEndsSharesWithTheLeaver() {
        store.save("ada", plan("s"), 0L, T0, "en");
        store.share("ada", "pia", T0);
        store.share("pia", "bo", T0);
        new CrisisPlanPlugin().onEvent(new PlatformEvent.MemberLeft("community-a", "pia"), db);
        assertFalse(store.isShared("ada", "pia"));
        assertTrue(store.isShared("pia", "bo"), "what the leaver shared waits with their plan");
    }

    @Test
    void deletingACommunitysDataTouchesNoOtherCommunity() {
        store.save("ada", plan("s"), 0L, T0, "en");
        store.share("ada", "pia", T0);
        store.recordView("ada", "pia", "Pia", T0, "web");
        other.save("ada", plan("s"), 0L, T0, "en");
        new CrisisPlanPlugin().deleteCommunityData("community-a", db);
        for (String table : List.of("crisis_plan_plan", "crisis_plan_item", "crisis_plan_contact", "crisis_plan_share",
                "crisis_plan_view")) {
            assertEquals(0, db.count("select count(*) from " + table + " where community_id = 'community-a'"), table);
        }
        assertTrue(other.plan("ada").isPresent());
    }
}
