package org.kinship.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces entity writes to the read caches, at flush time and again after the transaction
 * completed (see {@link EntityChanged}). This is the one place a cluster would broadcast
 * invalidations to the other nodes from: the caches themselves are per node.
 */
@ApplicationScoped
public class EntityChanges {
    private static final Logger LOG = Logger.getLogger(EntityChanges.class.getName());
    private static final Object PENDING = new Object();

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<EntityChanged> changed;

    void record(Object entity) {
        changed.fire(new EntityChanged(entity, false));
        if (transactions == null || transactions.getTransactionKey() == null) {
            changed.fire(new EntityChanged(entity, true));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> pending = (List<Object>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Object> written = new ArrayList<>();
            transactions.putResource(PENDING, written);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    // Also after a rollback: a cache may have been emptied and refilled meanwhile, which is harmless.
                    for (Object e : written) {
                        try {
                            changed.fire(new EntityChanged(e, true));
                        } catch (RuntimeException failure) {
                            LOG.log(Level.WARNING, "A read cache failed to drop what it knew about " + e.getClass().getSimpleName()
                                    + " (transaction status " + status + ")", failure);
                        }
                    }
                }
            });
            pending = written;
        }
        pending.add(entity);
    }
}
