package org.kinship.web.plugin;

import java.util.List;
import java.util.Map;
import org.kinship.platform.plugin.InstalledPlugin;
import org.kinship.platform.plugin.PluginService.CommunityPlugin;

/** What the plugin endpoints of the platform write. */
public final class PluginPayloads {
    private PluginPayloads() {
    }

    /** A plugin as a community sees it; titles and names in every language the plugin gives. */
    public record PluginEntry(String id, String version, Map<String, String> names, Map<String, String> descriptions,
                              boolean enabled, List<PageEntry> pages) {
    }

    /** A web page of a plugin: module is the URL the client imports. */
    public record PageEntry(String path, String module, Map<String, String> titles, boolean navigation) {
    }

    /** A plugin as the server operator sees it. */
    public record InstalledEntry(String id, String version, String apiVersion, String status, String reason) {
    }

    static PluginEntry entry(CommunityPlugin p) {
        var d = p.plugin().descriptor();
        return new PluginEntry(d.id(), d.version(), d.names(), d.descriptions(), p.enabled(),
                p.plugin().plugin().pages().stream()
                        .map(page -> new PageEntry(page.path(), "/app/plugins/" + d.id() + "/" + page.module(), page.titles(), page.navigation()))
                        .toList());
    }

    static InstalledEntry installed(InstalledPlugin p) {
        return new InstalledEntry(p.id(), p.version(), p.apiVersion(), p.isLoaded() ? "loaded" : "refused", p.refusal());
    }
}
