package org.kinship.plugin.toolbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kinship.plugin.api.KinshipPlugin;
import org.kinship.plugin.api.MemberRole;
import org.kinship.plugin.api.PlatformEvent;
import org.kinship.plugin.api.PluginApi;
import org.kinship.plugin.api.PluginDatabase;
import org.kinship.plugin.api.PluginDescriptor;
import org.kinship.plugin.api.PluginPage;
import org.kinship.plugin.api.PluginPermission;
import org.kinship.plugin.api.PluginRequest;

/**
 * The toolbox: a member's own goals, week planner, network map and medication overview, private unless
 * they share an item with someone they name, plus exercises and links the community's admins curate.
 *
 * <p>Holds nothing between requests. Never logs what members wrote: the only things it could log are
 * theirs.
 */
public final class ToolboxPlugin implements KinshipPlugin {
    static final String ID = "toolbox";

    /** Writing the exercises and links every member reads. */
    static final PluginPermission CURATE = new PluginPermission("toolbox.curate", Set.of(MemberRole.ADMIN), Map.of(
            "en", "Add, change and remove the toolbox's exercises and links",
            "nb", "Legge til, endre og fjerne øvelser og lenker i verktøykassen"));

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID, "1.0.0", PluginApi.VERSION,
            Map.of("en", "Toolbox", "nb", "Verktøykasse"),
            Map.of("en", "Personal goals, a week planner, a network map, a medication overview, exercises and local links; private unless a member shares.",
                    "nb", "Personlige mål, ukeplan, nettverkskart, medisinoversikt, øvelser og lokale lenker; privat med mindre medlemmet deler."));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String migrations() {
        return "db/plugin/toolbox";
    }

    @Override
    public Object resource(PluginRequest request) {
        return new ToolboxResource(request);
    }

    @Override
    public List<PluginPage> pages() {
        return List.of(
                new PluginPage("", "index.js", Map.of("en", "Toolbox", "nb", "Verktøykasse"), true),
                new PluginPage("goals", "goals.js", Map.of("en", "Goals", "nb", "Mål"), false),
                new PluginPage("planner", "planner.js", Map.of("en", "Week planner", "nb", "Ukeplan"), false),
                new PluginPage("network", "network.js", Map.of("en", "My network", "nb", "Mitt nettverk"), false),
                new PluginPage("medications", "medications.js", Map.of("en", "Medications", "nb", "Medisiner"), false),
                new PluginPage("exercises", "exercises.js", Map.of("en", "Exercises", "nb", "Øvelser"), false),
                new PluginPage("links", "links.js", Map.of("en", "Local links", "nb", "Lokale lenker"), false),
                new PluginPage("shared", "shared.js", Map.of("en", "Shared with me", "nb", "Delt med meg"), false));
    }

    @Override
    public List<PluginPermission> permissions() {
        return List.of(CURATE);
    }

    @Override
    public void onEvent(PlatformEvent event, PluginDatabase database) {
        if (event instanceof PlatformEvent.MemberDeleted deleted) {
            database.inTransaction(c -> {
                new Store(c).deleteMember(deleted.communityId(), deleted.memberId());
                return null;
            });
        } else if (event instanceof PlatformEvent.MemberLeft left) {
            database.inTransaction(c -> {
                new Store(c).deleteSharesTo(left.communityId(), left.memberId());
                return null;
            });
        }
    }

    @Override
    public void deleteCommunityData(String communityId, PluginDatabase database) {
        database.inTransaction(c -> {
            new Store(c).deleteCommunity(communityId);
            return null;
        });
    }
}
