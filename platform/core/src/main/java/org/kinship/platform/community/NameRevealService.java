package org.kinship.platform.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kinship.platform.account.Caller;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Revealing a chosen name to specific members only: for the trust that grows between people who
 * met under pseudonyms. A reveal is between two members of one community and can be withdrawn.
 */
@ApplicationScoped
@Transactional
public class NameRevealService {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess access;

    @Inject
    Clock clock;

    /** My reveals (to whom, which name) and the names others revealed to me. */
    public record Reveals(List<NameReveal> mine, List<NameReveal> toMe, Map<UUID, String> pseudonyms) {
    }

    public NameReveal reveal(Caller caller, String slug, String toPseudonym, String name) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        String chosen = Text.singleLine(ErrorCode.VALIDATION_FAILED, "name", name, NameReveal.MAX_NAME);
        if (chosen == null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Type the name you want to show.");
        }
        Membership to = communities.memberByPseudonym(community.id(), Pseudonym.fromStored(String.valueOf(toPseudonym)).key())
                .filter(Membership::isActive)
                .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND,
                        "Nobody in " + community.name() + " goes by '" + toPseudonym + "'."));
        if (to.id().equals(me.id())) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Choose another member to show your name to.");
        }
        NameReveal reveal = find(me.id(), to.id()).orElse(null);
        if (reveal == null) {
            reveal = new NameReveal(me.id(), to.id(), chosen, clock.instant());
            em.persist(reveal);
        } else {
            reveal.rename(chosen, clock.instant());
        }
        return reveal;
    }

    public void withdraw(Caller caller, String slug, MemberId from) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        em.remove(find(me.id(), from).orElseThrow(() ->
                new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "You have not shown your name to that member.")));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reveals reveals(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        List<NameReveal> mine = em.createQuery("select r from NameReveal r where r.memberId = :me", NameReveal.class)
                .setParameter("me", me.id().value()).getResultList();
        List<NameReveal> toMe = em.createQuery("select r from NameReveal r where r.revealedTo = :me", NameReveal.class)
                .setParameter("me", me.id().value()).getResultList();
        Set<UUID> others = new HashSet<>();
        mine.forEach(r -> others.add(r.revealedTo().value()));
        toMe.forEach(r -> others.add(r.member().value()));
        Map<UUID, String> names = communities.pseudonyms(others);
        return new Reveals(mine, toMe, names);
    }

    /** The names revealed to the caller in a community, by the revealing member's id: shown beside pseudonyms. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<MemberId, String> revealedTo(Caller caller, String slug) {
        Membership viewer = access.requireMember(caller, communities.requireBySlug(slug));
        Map<MemberId, String> names = new HashMap<>();
        em.createQuery("select r from NameReveal r where r.revealedTo = :me", NameReveal.class)
                .setParameter("me", viewer.id().value())
                .getResultList()
                .forEach(r -> names.put(r.member(), r.name()));
        return names;
    }

    private java.util.Optional<NameReveal> find(MemberId member, MemberId to) {
        return em.createQuery("select r from NameReveal r where r.memberId = :m and r.revealedTo = :t", NameReveal.class)
                .setParameter("m", member.value()).setParameter("t", to.value())
                .getResultStream().findFirst();
    }
}
