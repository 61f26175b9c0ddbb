package org.kinship.plugin.crisisplan;

import java.util.List;
import java.util.Map;
import org.kinship.plugin.api.KinshipPlugin;
import org.kinship.plugin.api.PlatformEvent;
import org.kinship.plugin.api.PluginApi;
import org.kinship.plugin.api.PluginDatabase;
import org.kinship.plugin.api.PluginDescriptor;
import org.kinship.plugin.api.PluginPage;
import org.kinship.plugin.api.PluginRequest;

/**
 * The crisis-plan plugin, as the host finds it (META-INF/services). Holds nothing between requests: the plan
 * lives in the plugin's own tables, keyed by the community and member ids the host gives.
 *
 * <p>It declares no permissions on purpose: a crisis plan is private data, read by its owner and by whom the
 * owner names, and no role is a way around that (see {@link CrisisPlanResource}).
 */
public class CrisisPlanPlugin implements KinshipPlugin {
    public static final String ID = "crisis-plan";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID, "1.0.0", PluginApi.VERSION,
            Map.of("en", "Crisis plan", "nb", "Kriseplan"),
            Map.of("en", "Each member writes their own crisis plan (warning signs, what helps, who to call) and shares it only"
                            + " with people they name; every read is logged for them. Moderators and admins cannot read it.",
                    "nb", "Hvert medlem skriver sin egen kriseplan (varseltegn, hva som hjelper, hvem de kan ringe) og deler den bare"
                            + " med dem de velger; hver lesing logges for dem. Moderatorer og administratorer kan ikke lese den."));

    private static final List<PluginPage> PAGES = List.of(
            new PluginPage("", "plan.js", Map.of("en", "My crisis plan", "nb", "Min kriseplan"), true),
            new PluginPage("shared", "shared.js", Map.of("en", "Crisis plans shared with me", "nb", "Kriseplaner delt med meg"), true));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String migrations() {
        return "db/plugin/crisis-plan";
    }

    @Override
    public Object resource(PluginRequest request) {
        return new CrisisPlanResource(request);
    }

    @Override
    public List<PluginPage> pages() {
        return PAGES;
    }

    /**
     * A deleted account takes its plan, its shares (given and received) and its own view log with it, at once.
     * Its reads of other members' plans stay in those owners' logs without the reader's id or pseudonym: the
     * log is the owner's record that their plan was read, and erasing the row would erase that fact from the
     * owner's history, while keeping who it was would keep the deleted person's identity. When and how stay.
     *
     * <p>A member who leaves (or is banned) loses every share given to them, so a return years later does not
     * reopen anyone's plan without its owner choosing so again; their own plan waits for them, unread by anyone,
     * since nobody reads the plan of an owner who is not an active member.
     */
    @Override
    public void onEvent(PlatformEvent event, PluginDatabase database) {
        if (event instanceof PlatformEvent.MemberDeleted deleted) {
            new PlanStore(database, deleted.communityId()).forgetMember(deleted.memberId());
        } else if (event instanceof PlatformEvent.MemberLeft left) {
            new PlanStore(database, left.communityId()).revokeSharesWith(left.memberId());
        }
    }

    @Override
    public void deleteCommunityData(String communityId, PluginDatabase database) {
        new PlanStore(database, communityId).deleteCommunity();
    }
}
