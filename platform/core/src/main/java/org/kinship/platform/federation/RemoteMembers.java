package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.kinship.platform.account.Account;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;

/**
 * A remote actor's presence in a local community as an author: one account per remote actor (subject
 * {@code activitypub:<remote actor id>}, which no identity provider issues, so nobody can sign in as it) and
 * one REMOTE membership per community it writes in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RemoteMembers {
    static final String SUBJECT_PREFIX = "activitypub:";

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Clock clock;

    public MemberId in(CommunityId community, RemoteActor actor) {
        Optional<Membership> existing = em.createQuery(
                "select m from Membership m where m.communityId = :c and m.remoteActorId = :a", Membership.class)
                .setParameter("c", community.value()).setParameter("a", actor.id())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        String subject = SUBJECT_PREFIX + actor.id();
        Account account = em.createQuery("select a from Account a where a.subject = :s", Account.class)
                .setParameter("s", subject).getResultStream().findFirst()
                .orElseGet(() -> {
                    Account made = new Account(subject, clock.instant());
                    em.persist(made);
                    return made;
                });
        Membership membership = Membership.remote(community, account.id(), actor.id(), actor.handle(),
                "@remote:" + actor.id(), clock.instant());
        em.persist(membership);
        return membership.id();
    }

    /** The remote actor behind a membership, if it is a remote one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RemoteActor> actorOf(MemberId member) {
        Membership m = em.find(Membership.class, member.value());
        return m == null ? Optional.empty() : m.remoteActor().map(id -> em.find(RemoteActor.class, id));
    }
}
