package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;

/**
 * The inbox's memory and its one write transaction: the receipt (primary key = the activity id's hash) and
 * whatever the activity does are committed together, so a retried delivery either finds the receipt and
 * changes nothing, or finds neither and does it all.
 */
@ApplicationScoped
public class Receipts {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Receiver receiver;

    @Inject
    Follows follows;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean seen(URI activity) {
        return em.find(InboxReceipt.class, InboxReceipt.hashOf(activity)) != null;
    }

    /** @return false when another delivery of the same activity won the race */
    @Transactional
    public boolean receive(Incoming activity, JsonObject raw, RemoteActor sender, List<Community> communities) {
        if (em.find(InboxReceipt.class, InboxReceipt.hashOf(activity.id().get())) != null) {
            return false;
        }
        em.persist(new InboxReceipt(activity.id().get(), sender.host(), clock.instant()));
        em.flush();
        receiver.receive(activity, raw, sender, communities);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommunityId> communitiesFollowing(RemoteActor group) {
        return follows.communitiesFollowing(group);
    }

    /** The community of a local forum thread or post, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommunityId> communityOfForumObject(UUID id) {
        Optional<UUID> thread = em.createQuery("select t.communityId from ForumThread t where t.id = :id", UUID.class)
                .setParameter("id", id).getResultStream().findFirst();
        if (thread.isPresent()) {
            return thread.map(CommunityId::new);
        }
        return em.createQuery("select p.communityId from Post p where p.id = :id", UUID.class)
                .setParameter("id", id).getResultStream().findFirst().map(CommunityId::new);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommunityId> communityOfMeetupDate(UUID occurrence) {
        return em.createQuery("select o.communityId from Occurrence o where o.id = :id", UUID.class)
                .setParameter("id", occurrence).getResultStream().findFirst().map(CommunityId::new);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommunityId> communityOfMember(UUID member) {
        return em.createQuery("select m.communityId from Membership m where m.id = :id", UUID.class)
                .setParameter("id", member).getResultStream().findFirst().map(CommunityId::new);
    }
}
