package org.kinship.platform.plugin;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.plugin.api.MemberRole;
import org.kinship.plugin.api.PlatformEvent;
import org.kinship.platform.community.MembershipEvent;

/**
 * Hands platform events to every loaded plugin, whether a community has it on or not (a member who
 * deletes their account must leave nothing behind in a plugin that is off today).
 *
 * <p>Account deletion is delivered inside the deletion's transaction: if a plugin cannot delete,
 * nothing is deleted and the person can try again. Everything else is delivered after the platform's
 * change committed, on the managed executor (work in an after-commit observer itself cannot use the
 * data source on this server), each plugin in its own transaction, a failure logged and contained.
 */
@ApplicationScoped
public class PluginEvents {
    private static final Logger LOG = Logger.getLogger(PluginEvents.class.getName());

    @Inject
    PluginHost host;

    @Inject
    PluginTransactions transactions;

    @Resource
    ManagedExecutorService executor;

    void deleted(@Observes MembershipEvent.Deleted event) {
        PlatformEvent translated = new PlatformEvent.MemberDeleted(event.community().value().toString(), event.member().toString());
        for (InstalledPlugin plugin : host.loaded()) {
            // Not contained: a plugin that cannot delete stops the deletion (see class comment).
            plugin.plugin().onEvent(translated, transactions.forPlugin(plugin.id()));
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipEvent event) {
        PlatformEvent translated = translate(event);
        if (translated != null) {
            executor.submit(() -> deliver(translated));
        }
    }

    static PlatformEvent translate(MembershipEvent event) {
        String community = event.community().value().toString();
        String member = event.member().toString();
        if (event instanceof MembershipEvent.Joined joined) {
            return new PlatformEvent.MemberJoined(community, member, MemberRole.valueOf(joined.role().name()));
        }
        if (event instanceof MembershipEvent.RoleChanged changed) {
            return new PlatformEvent.MemberRoleChanged(community, member,
                    MemberRole.valueOf(changed.from().name()), MemberRole.valueOf(changed.to().name()));
        }
        if (event instanceof MembershipEvent.Left || event instanceof MembershipEvent.Banned) {
            return new PlatformEvent.MemberLeft(community, member);
        }
        // Applied: not a member yet. Deleted: delivered in its transaction by deleted().
        return null;
    }

    private void deliver(PlatformEvent event) {
        for (InstalledPlugin plugin : host.loaded()) {
            try {
                transactions.run(plugin.id(), connection -> {
                    plugin.plugin().onEvent(event, transactions.forPlugin(plugin.id()));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Plugin " + plugin.id() + " failed on " + event.getClass().getSimpleName(), e);
            }
        }
    }
}
