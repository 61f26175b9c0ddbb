package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The actor_key table, each insert in a transaction of its own so a lost race spoils nothing else. */
@ApplicationScoped
public class ActorKeyRows {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ActorKey> find(UUID owner) {
        return Optional.ofNullable(em.find(ActorKey.class, owner));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ActorKey insert(UUID owner, String publicPem, String privatePem) {
        ActorKey key = new ActorKey(owner, publicPem, privatePem, clock.instant());
        em.persist(key);
        em.flush();
        return key;
    }
}
