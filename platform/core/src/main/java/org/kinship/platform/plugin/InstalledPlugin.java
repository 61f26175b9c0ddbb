package org.kinship.platform.plugin;

import java.util.Objects;
import org.kinship.plugin.api.KinshipPlugin;
import org.kinship.plugin.api.PluginDescriptor;

/**
 * A plugin jar the host found, and what became of it: loaded (it serves requests) or refused (with
 * the reason an operator needs). A refused plugin may have no descriptor when even that failed.
 */
public record InstalledPlugin(String id, String version, String apiVersion, KinshipPlugin plugin,
                              PluginDescriptor descriptor, String refusal) {
    public InstalledPlugin {
        Objects.requireNonNull(id, "id");
    }

    static InstalledPlugin loaded(KinshipPlugin plugin, PluginDescriptor descriptor) {
        return new InstalledPlugin(descriptor.id(), descriptor.version(), descriptor.apiVersion(), plugin, descriptor, null);
    }

    static InstalledPlugin refused(String id, String version, String apiVersion, String reason) {
        return new InstalledPlugin(id, version, apiVersion, null, null, reason);
    }

    InstalledPlugin refuse(String reason) {
        return refused(id, version, apiVersion, reason);
    }

    public boolean isLoaded() {
        return refusal == null;
    }
}
