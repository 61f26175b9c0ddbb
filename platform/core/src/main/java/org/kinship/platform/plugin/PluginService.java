package org.kinship.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kinship.plugin.api.PluginRequest;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.Membership;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** A community's plugins: which are on, switching them, deleting their data, and serving their requests. */
@ApplicationScoped
public class PluginService {
    @Inject
    PluginHost host;

    @Inject
    PluginSettings settings;

    @Inject
    PluginTransactions transactions;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess access;

    @Inject
    Clock clock;

    /** A plugin as one community sees it. */
    public record CommunityPlugin(InstalledPlugin plugin, boolean enabled) {
    }

    /** The plugins a caller may know of here: admins every loaded one (to choose), everyone else those switched on. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommunityPlugin> list(Optional<Caller> caller, String slug) {
        Community community = communities.requireBySlug(slug);
        boolean admin = caller.flatMap(c -> communities.membership(community.id(), c.account()))
                .filter(Membership::isActive)
                .map(m -> m.role().canAdminister())
                .orElse(false);
        return host.loaded().stream()
                .map(p -> new CommunityPlugin(p, settings.isEnabled(community.id(), p.id())))
                .filter(p -> admin || p.enabled())
                .toList();
    }

    @Transactional
    public CommunityPlugin setEnabled(Caller caller, String slug, String pluginId, boolean enabled) {
        Community community = communities.requireBySlug(slug);
        access.requireAdmin(caller, community);
        InstalledPlugin plugin = require(pluginId);
        settings.set(community.id(), plugin.id(), enabled, clock.instant());
        return new CommunityPlugin(plugin, enabled);
    }

    /** Deletes what the plugin stored for this community, in one transaction. Only while it is off, so nobody is using it. */
    @Transactional
    public void deleteData(Caller caller, String slug, String pluginId) {
        Community community = communities.requireBySlug(slug);
        access.requireAdmin(caller, community);
        InstalledPlugin plugin = require(pluginId);
        if (settings.read(community.id(), plugin.id())) {
            throw new KinshipException(ErrorCode.PLUGIN_ENABLED,
                    "Switch " + plugin.descriptor().name("en") + " off before deleting its data.");
        }
        plugin.plugin().deleteCommunityData(community.id().value().toString(), transactions.forPlugin(plugin.id()));
    }

    /** A plugin ready to serve one request: the plugin and what it may know about the request. */
    public record Serving(InstalledPlugin plugin, PluginRequest request) {
        public Object resource() {
            return plugin.plugin().resource(request);
        }
    }

    /** Refuses an unknown community or plugin, or one switched off here, before the plugin sees anything. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Serving serve(Optional<Caller> caller, String slug, String pluginId, String language) {
        Community community = communities.requireBySlug(slug);
        InstalledPlugin plugin = require(pluginId);
        if (!settings.isEnabled(community.id(), plugin.id())) {
            throw new KinshipException(ErrorCode.PLUGIN_NOT_ENABLED,
                    plugin.descriptor().name("en") + " is not switched on in " + community.name() + ".");
        }
        Optional<Membership> membership = caller.flatMap(c -> communities.membership(community.id(), c.account()));
        return new Serving(plugin, new HostedRequest(community, membership, caller.isPresent(), communities,
                transactions.forPlugin(plugin.id()), language, clock));
    }

    private InstalledPlugin require(String pluginId) {
        return host.loaded(pluginId).orElseThrow(() -> new KinshipException(ErrorCode.PLUGIN_NOT_FOUND,
                "There is no plugin '" + (pluginId == null ? "" : pluginId.substring(0, Math.min(pluginId.length(), 40)))
                        + "' on this server."));
    }
}
