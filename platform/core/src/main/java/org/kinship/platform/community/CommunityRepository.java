package org.kinship.platform.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kinship.platform.account.AccountId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** Queries over communities, memberships and invitations. Finders return Optional, never null. */
@ApplicationScoped
public class CommunityRepository {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    public Optional<Community> findBySlug(String slug) {
        return em.createQuery("select c from Community c where c.slug = :slug", Community.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    public Community requireBySlug(String slug) {
        return findBySlug(slug).orElseThrow(() ->
                new KinshipException(ErrorCode.COMMUNITY_NOT_FOUND, "There is no community called '" + slug + "'."));
    }

    public Optional<Community> find(CommunityId id) {
        return Optional.ofNullable(em.find(Community.class, id.value()));
    }

    public List<Community> all() {
        return em.createQuery("select c from Community c order by lower(c.name)", Community.class).getResultList();
    }

    public boolean slugTaken(Slug slug) {
        return findBySlug(slug.value()).isPresent();
    }

    /** Active member counts per community, in one query for the whole directory. */
    public Map<CommunityId, Long> activeMemberCounts() {
        Map<CommunityId, Long> counts = new HashMap<>();
        em.createQuery("select m.communityId, count(m) from Membership m where m.status = :active group by m.communityId",
                        Object[].class)
                .setParameter("active", MembershipStatus.ACTIVE)
                .getResultList()
                .forEach(row -> counts.put(new CommunityId((UUID) row[0]), (Long) row[1]));
        return counts;
    }

    public long activeMemberCount(CommunityId community) {
        return em.createQuery("select count(m) from Membership m where m.communityId = :c and m.status = :active", Long.class)
                .setParameter("c", community.value())
                .setParameter("active", MembershipStatus.ACTIVE)
                .getSingleResult();
    }

    public Optional<Membership> membership(CommunityId community, AccountId account) {
        return em.createQuery("select m from Membership m where m.communityId = :c and m.accountId = :a", Membership.class)
                .setParameter("c", community.value())
                .setParameter("a", account.value())
                .getResultStream().findFirst();
    }

    public List<Membership> membershipsOf(AccountId account) {
        return em.createQuery("select m from Membership m where m.accountId = :a and m.status <> :left", Membership.class)
                .setParameter("a", account.value())
                .setParameter("left", MembershipStatus.LEFT)
                .getResultList();
    }

    /** Every membership an account ever had, also those it left or was banned from. */
    public List<Membership> everyMembershipOf(AccountId account) {
        return em.createQuery("select m from Membership m where m.accountId = :a", Membership.class)
                .setParameter("a", account.value())
                .getResultList();
    }

    public Optional<Membership> member(CommunityId community, MemberId member) {
        Membership m = em.find(Membership.class, member.value());
        return m != null && m.community().equals(community) ? Optional.of(m) : Optional.empty();
    }

    /** The member who goes by this pseudonym (by its folded key) in a community. */
    public Optional<Membership> memberByPseudonym(CommunityId community, String pseudonymKey) {
        return em.createQuery("select m from Membership m where m.communityId = :c and m.pseudonymKey = :k", Membership.class)
                .setParameter("c", community.value())
                .setParameter("k", pseudonymKey)
                .getResultStream().findFirst();
    }

    /** Pseudonyms of the given members, in one query: for showing them beside what they wrote. */
    public Map<UUID, String> pseudonyms(Set<UUID> memberIds) {
        Map<UUID, String> names = new HashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        em.createQuery("select m.id, m.pseudonym from Membership m where m.id in :ids", Object[].class)
                .setParameter("ids", memberIds)
                .getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    public boolean pseudonymTaken(CommunityId community, Pseudonym pseudonym, MemberId except) {
        return !em.createQuery("select m.id from Membership m where m.communityId = :c and m.pseudonymKey = :k and m.id <> :except",
                        UUID.class)
                .setParameter("c", community.value())
                .setParameter("k", pseudonym.key())
                .setParameter("except", except == null ? new UUID(0, 0) : except.value())
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    public List<Membership> members(CommunityId community, MembershipStatus status) {
        return em.createQuery("select m from Membership m where m.communityId = :c and m.status = :s order by lower(m.pseudonym)",
                        Membership.class)
                .setParameter("c", community.value())
                .setParameter("s", status)
                .getResultList();
    }

    /** Admins, locked so that two admins demoting each other at once cannot leave the community with none. */
    public List<Membership> lockAdmins(CommunityId community) {
        return em.createQuery("select m from Membership m where m.communityId = :c and m.status = :active and m.role = :admin",
                        Membership.class)
                .setParameter("c", community.value())
                .setParameter("active", MembershipStatus.ACTIVE)
                .setParameter("admin", Role.ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public Optional<Invitation> invitationByToken(String token) {
        return em.createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
                .setParameter("h", Invitation.hash(token))
                .getResultStream().findFirst();
    }

    public Optional<Invitation> invitation(CommunityId community, UUID id) {
        Invitation i = em.find(Invitation.class, id);
        return i != null && i.community().equals(community) ? Optional.of(i) : Optional.empty();
    }

    public List<Invitation> invitations(CommunityId community) {
        return em.createQuery("select i from Invitation i where i.communityId = :c order by i.createdAt desc", Invitation.class)
                .setParameter("c", community.value())
                .getResultList();
    }

    /**
     * Counts one use of an invitation, atomically: under concurrent redemptions the database, not a
     * read-then-write, decides who gets the last use.
     */
    public boolean consumeInvitationUse(Invitation invitation, Instant now) {
        int updated = em.createQuery("update Invitation i set i.uses = i.uses + 1 where i.id = :id and i.uses < i.maxUses"
                        + " and i.revokedAt is null and i.expiresAt > :now")
                .setParameter("id", invitation.id())
                .setParameter("now", now)
                .executeUpdate();
        return updated == 1;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }
}
