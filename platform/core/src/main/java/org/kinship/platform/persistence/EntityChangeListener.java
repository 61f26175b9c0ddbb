package org.kinship.platform.persistence;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * The JPA entity listener that turns every write of an entity whose state a read cache derives from
 * into an {@link EntityChanged} event. Listening at the persistence layer rather than in each use case
 * means a new code path that changes a thread, a post or a membership cannot forget to tell the caches.
 * (Bulk JPQL updates bypass entity listeners: none are used on these entities.)
 */
public class EntityChangeListener {
    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        CDI.current().select(EntityChanges.class).get().record(entity);
    }
}
