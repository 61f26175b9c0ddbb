package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * A community admin's federation settings: the mode, the allow- and block-lists, the remote communities it
 * follows and the remote actors that follow it. Every method checks that the caller administers the
 * community; bad input is refused before anything changes.
 */
@ApplicationScoped
@Transactional
public class FederationSettings {
    /** What an admin sees. */
    public record View(CommunityId community, FederationMode mode, List<Entry> allowed, List<Entry> blocked,
                       List<FollowView> following, List<FollowView> followers) {
    }

    public record Entry(String target, java.time.Instant addedAt) {
    }

    public record FollowView(UUID id, URI actor, String handle, String kind, FederationFollow.State state,
                             java.time.Instant since) {
    }

    /** Fired when a community's policy changed, so every gate forgets its copy after the commit. */
    public record PolicyChanged(CommunityId community) {
    }

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess access;

    @Inject
    FederationGate gate;

    @Inject
    RemoteActors remoteActors;

    @Inject
    Follows follows;

    @Inject
    Publisher publisher;

    @Inject
    Event<PolicyChanged> changed;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public View view(Caller caller, String slug) {
        Community community = adminsCommunity(caller, slug);
        return view(community.id());
    }

    View view(CommunityId community) {
        FederationPolicy policy = em.find(FederationPolicy.class, community.value());
        List<FederationRule> rules = em.createQuery(
                "select r from FederationRule r where r.key.communityId = :c order by r.createdAt", FederationRule.class)
                .setParameter("c", community.value()).getResultList();
        List<FederationFollow> all = em.createQuery(
                "select f from FederationFollow f where f.communityId = :c order by f.createdAt", FederationFollow.class)
                .setParameter("c", community.value()).getResultList();
        Map<UUID, RemoteActor> actors = all.isEmpty() ? Map.of() : em.createQuery(
                "select a from RemoteActor a where a.id in :ids", RemoteActor.class)
                .setParameter("ids", all.stream().map(FederationFollow::remoteActor).toList())
                .getResultStream().collect(Collectors.toMap(RemoteActor::id, Function.identity()));
        Function<FederationFollow, FollowView> show = f -> {
            RemoteActor a = actors.get(f.remoteActor());
            return new FollowView(f.id(), a.iri(), a.handle(), a.kind(), f.state(), f.updatedAt());
        };
        return new View(community,
                policy == null ? FederationMode.OFF : policy.mode(),
                rules.stream().filter(r -> r.kind() == FederationRule.Kind.ALLOW).map(r -> new Entry(r.target(), r.createdAt())).toList(),
                rules.stream().filter(r -> r.kind() == FederationRule.Kind.BLOCK).map(r -> new Entry(r.target(), r.createdAt())).toList(),
                all.stream().filter(f -> f.direction() == FederationFollow.Direction.OUTBOUND).map(show).toList(),
                all.stream().filter(f -> f.direction() == FederationFollow.Direction.INBOUND).map(show).toList());
    }

    public View setMode(Caller caller, String slug, FederationMode mode) {
        if (mode == null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "mode must be one of off, allow_list, open.");
        }
        Community community = adminsCommunity(caller, slug);
        FederationPolicy policy = em.find(FederationPolicy.class, community.id().value());
        if (policy == null) {
            em.persist(new FederationPolicy(community.id(), mode));
        } else {
            policy.change(mode);
        }
        changed.fire(new PolicyChanged(community.id()));
        return view(community.id());
    }

    /** Adds a host, an actor id or a handle (resolved to its actor id) to the allow- or block-list. */
    public View addRule(Caller caller, String slug, FederationRule.Kind kind, String typed) {
        Community community = adminsCommunity(caller, slug);
        String target = ruleTarget(typed, true);
        FederationRule existing = em.find(FederationRule.class,
                new FederationRule.Key(community.id().value(), kind.name(), Hashes.sha256(target)));
        if (existing == null) {
            em.persist(new FederationRule(community.id(), kind, target, clock.instant()));
        }
        changed.fire(new PolicyChanged(community.id()));
        return view(community.id());
    }

    public View removeRule(Caller caller, String slug, FederationRule.Kind kind, String typed) {
        Community community = adminsCommunity(caller, slug);
        String target = ruleTarget(typed, false);
        FederationRule existing = em.find(FederationRule.class,
                new FederationRule.Key(community.id().value(), kind.name(), Hashes.sha256(target)));
        if (existing == null) {
            throw new KinshipException(ErrorCode.FEDERATION_ENTRY_NOT_FOUND, "That entry is not on the list.");
        }
        em.remove(existing);
        changed.fire(new PolicyChanged(community.id()));
        return view(community.id());
    }

    /**
     * Follows a remote community (a Group) by handle or id. Needs federation on and the remote admitted by
     * the policy; the follow stays pending until the remote Accepts.
     */
    public View follow(Caller caller, String slug, String typed) {
        Community community = adminsCommunity(caller, slug);
        if (!gate.federates(community.id())) {
            throw new KinshipException(ErrorCode.FEDERATION_OFF, "Switch federation on before following other communities.");
        }
        Targets.Target target = Targets.parse(typed);
        if (target instanceof Targets.Host host) {
            throw new KinshipException(ErrorCode.FEDERATION_TARGET_INVALID,
                    "Give the community's handle (name@" + host.host() + ") or address, not only its server.");
        }
        RemoteActor remote = remoteActors.resolve(target);
        if (!gate.admits(community.id(), remote.iri())) {
            throw new KinshipException(ErrorCode.REMOTE_NOT_ALLOWED,
                    remote.handle() + " is not allowed by this community's federation settings.");
        }
        follows.followRemote(community, remote);
        return view(community.id());
    }

    /** Stops following a remote community (Undo Follow), or removes a follower (Reject, so it stops sending). */
    public View endFollow(Caller caller, String slug, UUID followId) {
        Community community = adminsCommunity(caller, slug);
        FederationFollow follow = em.find(FederationFollow.class, followId);
        if (follow == null || !follow.community().equals(community.id())) {
            throw new KinshipException(ErrorCode.FEDERATION_ENTRY_NOT_FOUND, "No such follow in this community.");
        }
        follows.end(community, follow);
        return view(community.id());
    }

    /**
     * A moderator banned someone who writes from another server: their actor goes on the community's block-list
     * (and off its allow-list), and stops following it, so nothing more of theirs is accepted here. When the
     * community federates, the group also tells them and its followers (a {@code Block}).
     */
    void banned(@Observes org.kinship.platform.community.MembershipEvent.Banned ban) {
        org.kinship.platform.community.Membership m = em.find(org.kinship.platform.community.Membership.class, ban.member().value());
        if (m == null || m.remoteActor().isEmpty()) {
            return;
        }
        RemoteActor actor = em.find(RemoteActor.class, m.remoteActor().get());
        String target = actor.iri().toString();
        if (em.find(FederationRule.class, new FederationRule.Key(ban.community().value(), FederationRule.Kind.BLOCK.name(),
                Hashes.sha256(target))) == null) {
            em.persist(new FederationRule(ban.community(), FederationRule.Kind.BLOCK, target, clock.instant()));
        }
        FederationRule allowed = em.find(FederationRule.class, new FederationRule.Key(ban.community().value(),
                FederationRule.Kind.ALLOW.name(), Hashes.sha256(target)));
        if (allowed != null) {
            em.remove(allowed);
        }
        communities.find(ban.community()).ifPresent(c -> follows.find(c.id(), actor, FederationFollow.Direction.INBOUND)
                .ifPresent(em::remove));
        if (gate.federates(ban.community())) {
            communities.find(ban.community()).ifPresent(c -> publisher.blocked(c, actor));
        }
        changed.fire(new PolicyChanged(ban.community()));
    }

    void policyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyChanged event) {
        gate.forget(event.community());
    }

    private Community adminsCommunity(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        access.requireAdmin(caller, community);
        return community;
    }

    /** A rule's stored form: a lower-case host, or an actor id (a handle is looked up when adding). */
    private String ruleTarget(String typed, boolean adding) {
        Targets.Target target = Targets.parse(typed);
        if (target instanceof Targets.Host host) {
            return host.host();
        }
        if (target instanceof Targets.Actor actor) {
            return actor.id().toString();
        }
        Targets.Handle handle = (Targets.Handle) target;
        return adding ? remoteActors.resolve(handle).iri().toString()
                : remoteActors.known(handle).map(a -> a.iri().toString()).orElseThrow(() ->
                        new KinshipException(ErrorCode.FEDERATION_ENTRY_NOT_FOUND, "That entry is not on the list."));
    }
}
