package org.kinship.platform.plugin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kinship.platform.community.CommunityId;

/**
 * Which plugins each community has on. Asked on every plugin request, so kept in memory; a change
 * replaces the entry after it is stored. (On a cluster each node keeps its own copy: the cluster
 * work must broadcast changes, as for the forum's read model.)
 */
@ApplicationScoped
public class PluginSettings {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();

    public boolean isEnabled(CommunityId community, String pluginId) {
        return enabled.computeIfAbsent(key(community, pluginId), k -> read(community, pluginId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    boolean read(CommunityId community, String pluginId) {
        List<?> rows = em.createNativeQuery("select enabled from community_plugin where community_id = ?1 and plugin_id = ?2")
                .setParameter(1, community.value())
                .setParameter(2, pluginId)
                .getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }

    /** Stores the choice in the caller's transaction; memory follows when it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    void set(CommunityId community, String pluginId, boolean on, Instant now) {
        int updated = em.createNativeQuery("update community_plugin set enabled = ?1, changed_at = ?2 where community_id = ?3 and plugin_id = ?4")
                .setParameter(1, on).setParameter(2, now).setParameter(3, community.value()).setParameter(4, pluginId)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into community_plugin (community_id, plugin_id, enabled, changed_at) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, community.value()).setParameter(2, pluginId).setParameter(3, on).setParameter(4, now)
                    .executeUpdate();
        }
        // Forget now, and again when the transaction ends: a request that read the old value in between
        // must not keep it.
        enabled.remove(key(community, pluginId));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                enabled.remove(key(community, pluginId));
            }
        });
    }

    private static String key(CommunityId community, String pluginId) {
        return community.value() + "/" + pluginId;
    }
}
