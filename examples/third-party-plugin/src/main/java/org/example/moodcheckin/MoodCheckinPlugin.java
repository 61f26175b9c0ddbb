package org.example.moodcheckin;

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
 * Mood check-in: once a day a member notes how they feel (1 to 5) and, if they like, a line about
 * it, and sees their last 30 days. What they write is theirs alone: nobody else, admins included,
 * can read it, so the plugin needs no permissions.
 */
public class MoodCheckinPlugin implements KinshipPlugin {
    static final String ID = "mood-checkin";

    @Override
    public PluginDescriptor descriptor() {
        // PluginApi.VERSION is a compile-time constant: the jar records the API it was built against.
        return new PluginDescriptor(ID, "1.0.0", PluginApi.VERSION,
                Map.of("en", "Mood check-in", "nb", "Humørsjekk"),
                Map.of("en", "A private daily check-in: how you feel from 1 to 5, a note, and your last 30 days.",
                        "nb", "En privat daglig sjekk: hvordan du har det fra 1 til 5, et notat og de siste 30 dagene dine."));
    }

    @Override
    public String migrations() {
        return "kinship-plugin/" + ID + "/db";
    }

    @Override
    public Object resource(PluginRequest request) {
        return new CheckinResource(request);
    }

    @Override
    public List<PluginPage> pages() {
        return List.of(new PluginPage("", "checkin.js", Map.of("en", "Mood check-in", "nb", "Humørsjekk"), true));
    }

    @Override
    public void onEvent(PlatformEvent event, PluginDatabase database) {
        // A deleted account leaves nothing behind. Someone who only left keeps their check-ins for when they return.
        if (event instanceof PlatformEvent.MemberDeleted deleted) {
            database.inTransaction(c -> CheckinStore.deleteMember(c, deleted.communityId(), deleted.memberId()));
        }
    }

    @Override
    public void deleteCommunityData(String communityId, PluginDatabase database) {
        database.inTransaction(c -> CheckinStore.deleteCommunity(c, communityId));
    }
}
