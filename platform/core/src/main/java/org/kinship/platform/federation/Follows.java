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
import org.kinship.federation.document.ActivityDocuments;
import org.kinship.federation.document.Addressing;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;

/**
 * Follows between local Groups and remote actors, in both directions, and the activities that go with them:
 * Follow and Undo for the communities we follow; Accept (automatic for anyone the policy admits) and Reject
 * for those who follow us.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Follows {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private final LocalIris iris = LocalIris.configured();

    public Optional<FederationFollow> find(CommunityId community, RemoteActor remote, FederationFollow.Direction direction) {
        return em.createQuery("select f from FederationFollow f where f.communityId = :c and f.remoteActorId = :r "
                        + "and f.direction = :d", FederationFollow.class)
                .setParameter("c", community.value()).setParameter("r", remote.id()).setParameter("d", direction)
                .getResultStream().findFirst();
    }

    /** The community asks to follow a remote Group. */
    public void followRemote(Community community, RemoteActor remote) {
        URI group = iris.group(community.slug().value());
        URI id = iris.activity(UUID.randomUUID());
        JsonObject follow = ActivityDocuments.follow(new ActivityDocuments.Act(id, group, Addressing.only(remote.iri()),
                null, clock.instant()), remote.iri());
        FederationFollow row = find(community.id(), remote, FederationFollow.Direction.OUTBOUND).orElse(null);
        if (row == null) {
            em.persist(new FederationFollow(community.id(), remote, FederationFollow.Direction.OUTBOUND, id, clock.instant()));
        } else if (row.state() == FederationFollow.State.ACCEPTED) {
            return;
        } else {
            row.renew(id, clock.instant());
        }
        outbox.send(community.id().value(), id, community.id().value(), follow, List.of(remote.inbox()));
    }

    /** A remote actor follows the community; the policy has admitted it, so it is accepted at once. */
    public void followedBy(Community community, RemoteActor remote, URI followId, JsonObject followActivity) {
        FederationFollow row = find(community.id(), remote, FederationFollow.Direction.INBOUND).orElse(null);
        if (row == null) {
            row = new FederationFollow(community.id(), remote, FederationFollow.Direction.INBOUND, followId, clock.instant());
            em.persist(row);
        } else {
            row.renew(followId, clock.instant());
        }
        row.accept(clock.instant());
        URI group = iris.group(community.slug().value());
        URI id = iris.activity(UUID.randomUUID());
        JsonObject accept = ActivityDocuments.accept(new ActivityDocuments.Act(id, group, Addressing.only(remote.iri()),
                null, clock.instant()), followActivity);
        outbox.send(community.id().value(), id, community.id().value(), accept, List.of(remote.inbox()));
    }

    /** The remote actor stopped following (Undo Follow). */
    public void unfollowedBy(Community community, RemoteActor remote) {
        find(community.id(), remote, FederationFollow.Direction.INBOUND).ifPresent(em::remove);
    }

    /**
     * The remote actor blocked the community: it follows no more, and the community no longer follows it (no Undo
     * is sent: a server that blocks us does not take our activities).
     */
    public void blockedBy(Community community, RemoteActor remote) {
        unfollowedBy(community, remote);
        find(community.id(), remote, FederationFollow.Direction.OUTBOUND).ifPresent(em::remove);
    }

    /** Whether this id names a Follow one of our communities sent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOutboundFollow(URI activity) {
        return !em.createQuery("select f.id from FederationFollow f where f.activityIri = :a and f.direction = :d", UUID.class)
                .setParameter("a", activity.toString()).setParameter("d", FederationFollow.Direction.OUTBOUND)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The remote Group accepted or rejected our Follow. */
    public void answered(Community community, RemoteActor remote, boolean accepted) {
        find(community.id(), remote, FederationFollow.Direction.OUTBOUND).ifPresent(f -> {
            if (accepted) {
                f.accept(clock.instant());
            } else {
                f.reject(clock.instant());
            }
        });
    }

    /** An admin ends a follow: Undo our Follow, or Reject a follower so that it stops sending and receiving. */
    public void end(Community community, FederationFollow follow) {
        RemoteActor remote = em.find(RemoteActor.class, follow.remoteActor());
        URI group = iris.group(community.slug().value());
        URI id = iris.activity(UUID.randomUUID());
        URI followId = follow.activity().orElse(iris.activity(follow.id()));
        JsonObject original = follow.direction() == FederationFollow.Direction.OUTBOUND
                ? ActivityDocuments.follow(new ActivityDocuments.Act(followId, group, Addressing.only(remote.iri()), null, null), remote.iri())
                : ActivityDocuments.follow(new ActivityDocuments.Act(followId, remote.iri(), Addressing.only(group), null, null), group);
        ActivityDocuments.Act act = new ActivityDocuments.Act(id, group, Addressing.only(remote.iri()), null, clock.instant());
        JsonObject activity = follow.direction() == FederationFollow.Direction.OUTBOUND
                ? ActivityDocuments.undo(act, original) : ActivityDocuments.reject(act, original);
        em.remove(follow);
        outbox.send(community.id().value(), id, community.id().value(), activity, List.of(remote.inbox()));
    }

    /** Who receives the community's Announces: the remote actors that follow it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RemoteActor> followers(CommunityId community) {
        return em.createQuery("select a from RemoteActor a, FederationFollow f where f.remoteActorId = a.id "
                        + "and f.communityId = :c and f.direction = :d and f.state = :s", RemoteActor.class)
                .setParameter("c", community.value())
                .setParameter("d", FederationFollow.Direction.INBOUND)
                .setParameter("s", FederationFollow.State.ACCEPTED)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long followerCount(CommunityId community) {
        return em.createQuery("select count(f) from FederationFollow f where f.communityId = :c and f.direction = :d "
                        + "and f.state = :s", Long.class)
                .setParameter("c", community.value())
                .setParameter("d", FederationFollow.Direction.INBOUND)
                .setParameter("s", FederationFollow.State.ACCEPTED)
                .getSingleResult();
    }

    /** The local communities that follow this remote Group (pending counts: some peers announce before accepting). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommunityId> communitiesFollowing(RemoteActor group) {
        return em.createQuery("select f.communityId from FederationFollow f where f.remoteActorId = :r and f.direction = :d "
                        + "and f.state <> :rejected", UUID.class)
                .setParameter("r", group.id())
                .setParameter("d", FederationFollow.Direction.OUTBOUND)
                .setParameter("rejected", FederationFollow.State.REJECTED)
                .getResultStream().map(CommunityId::new).toList();
    }
}
