package org.kinship.platform.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kinship.platform.account.Caller;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.persistence.UniqueViolation;

/**
 * Joining, applying, approving, leaving and roles. Every failure throws before anything is written
 * or rolls the whole transaction back, so a refused request changes nothing.
 */
@ApplicationScoped
@Transactional
public class MembershipService {
    @Inject
    CommunityRepository repository;

    @Inject
    CommunityAccess access;

    @Inject
    Clock clock;

    @Inject
    Event<MembershipEvent> events;

    @Inject
    org.kinship.platform.account.AccountService accounts;

    /** A request to join: the pseudonym is required; the invitation token and note are optional. */
    public record JoinRequest(String pseudonym, String invitationToken, String note) {
    }

    public Membership join(Caller caller, String slug, JoinRequest request) {
        Community community = repository.requireBySlug(slug);
        Pseudonym pseudonym = Pseudonym.of(request.pseudonym());
        Optional<Membership> existing = repository.membership(community.id(), caller.account());
        existing.ifPresent(m -> {
            if (m.status() == MembershipStatus.ACTIVE) {
                throw new KinshipException(ErrorCode.ALREADY_MEMBER, "You are already a member of " + community.name() + ".");
            }
            if (m.status() == MembershipStatus.BANNED) {
                throw new KinshipException(ErrorCode.MEMBER_BANNED, "You have been banned from " + community.name() + ".");
            }
            if (m.status() == MembershipStatus.PENDING) {
                throw new KinshipException(ErrorCode.APPLICATION_PENDING,
                        "Your request to join " + community.name() + " is waiting for a moderator.");
            }
        });
        if (repository.pseudonymTaken(community.id(), pseudonym, existing.map(Membership::id).orElse(null))) {
            throw pseudonymTaken();
        }
        Instant now = clock.instant();
        Optional<Invitation> invitation = redeem(community, request.invitationToken(), now);
        if (invitation.isEmpty() && community.registrationPolicy() == RegistrationPolicy.INVITATION) {
            throw new KinshipException(ErrorCode.INVITATION_REQUIRED,
                    community.name() + " takes new members by invitation only.");
        }
        boolean needsApproval = invitation.isEmpty() && community.registrationPolicy() == RegistrationPolicy.APPROVAL;
        Role role = invitation.map(Invitation::grantsRole).orElse(Role.MEMBER);

        Membership membership;
        if (existing.isPresent()) {
            membership = existing.get();
            membership.rejoin(pseudonym, needsApproval, request.note(), now);
            if (role != Role.MEMBER && membership.isActive()) {
                membership.changeRole(role);
            }
        } else {
            membership = needsApproval
                    ? Membership.applied(community.id(), caller.account(), pseudonym, request.note(), now)
                    : Membership.joined(community.id(), caller.account(), pseudonym, role, now);
            repository.persist(membership);
        }
        flushPseudonym();
        events.fire(membership.isActive()
                ? new MembershipEvent.Joined(community.id(), membership.id(), membership.role())
                : new MembershipEvent.Applied(community.id(), membership.id()));
        return membership;
    }

    private Optional<Invitation> redeem(Community community, String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Invitation invitation = repository.invitationByToken(token.strip())
                .filter(i -> i.community().equals(community.id()))
                .orElseThrow(() -> new KinshipException(ErrorCode.INVITATION_NOT_FOUND,
                        "This invitation link is not valid for " + community.name() + "."));
        invitation.checkUsable(now);
        if (!repository.consumeInvitationUse(invitation, now)) {
            // Someone else took the last use between our check and our update.
            throw new KinshipException(ErrorCode.INVITATION_USED_UP, "This invitation has been used up. Ask for a new one.");
        }
        return Optional.of(invitation);
    }

    public void leave(Caller caller, String slug) {
        Community community = repository.requireBySlug(slug);
        Membership me = repository.membership(community.id(), caller.account())
                .filter(m -> m.status() == MembershipStatus.ACTIVE || m.status() == MembershipStatus.PENDING)
                .orElseThrow(() -> new KinshipException(ErrorCode.NOT_A_MEMBER,
                        "You are not a member of " + community.name() + "."));
        if (me.status() == MembershipStatus.PENDING) {
            // Withdrawing an application leaves no trace.
            repository.remove(me);
            return;
        }
        if (me.role() == Role.ADMIN) {
            requireAnotherAdmin(community, me);
        }
        me.leave();
        events.fire(new MembershipEvent.Left(community.id(), me.id()));
    }

    /**
     * The person deletes their account. Every membership (also ones they left) is announced as
     * {@link MembershipEvent.Deleted} inside this transaction, so that what belongs to it (plugin
     * data: toolbox, crisis plan) is deleted with it or not at all; active memberships are left as
     * when leaving, pending applications withdrawn, and the account no longer answers to the
     * identity provider's subject. Refused while they are a community's last admin.
     */
    public void deleteAccount(Caller caller) {
        List<Membership> all = repository.everyMembershipOf(caller.account());
        for (Membership m : all) {
            if (m.isActive() && m.role() == Role.ADMIN) {
                Community community = repository.find(m.community()).orElseThrow();
                requireAnotherAdmin(community, m);
            }
        }
        for (Membership m : all) {
            events.fire(new MembershipEvent.Deleted(m.community(), m.id()));
            if (m.status() == MembershipStatus.PENDING) {
                repository.remove(m);
            } else if (m.isActive()) {
                m.leave();
                events.fire(new MembershipEvent.Left(m.community(), m.id()));
            }
        }
        accounts.require(caller.account()).forget();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> members(Caller caller, String slug) {
        Community community = repository.requireBySlug(slug);
        access.requireMember(caller, community);
        return repository.members(community.id(), MembershipStatus.ACTIVE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> applications(Caller caller, String slug) {
        Community community = repository.requireBySlug(slug);
        access.requireModerator(caller, community);
        return repository.members(community.id(), MembershipStatus.PENDING);
    }

    public Membership approve(Caller caller, String slug, MemberId applicant) {
        Community community = repository.requireBySlug(slug);
        access.requireModerator(caller, community);
        Membership membership = requireApplicant(community, applicant);
        membership.approve(clock.instant());
        events.fire(new MembershipEvent.Joined(community.id(), membership.id(), membership.role()));
        return membership;
    }

    /** Declining deletes the application: nothing about someone who was not let in is kept. */
    public void decline(Caller caller, String slug, MemberId applicant) {
        Community community = repository.requireBySlug(slug);
        access.requireModerator(caller, community);
        repository.remove(requireApplicant(community, applicant));
    }

    public Membership changeRole(Caller caller, String slug, MemberId member, Role newRole) {
        Community community = repository.requireBySlug(slug);
        Membership me = access.requireAdmin(caller, community);
        Membership target = repository.member(community.id(), member)
                .filter(Membership::isActive)
                .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "No such member in " + community.name() + "."));
        Role from = target.role();
        if (from == newRole) {
            return target;
        }
        if (from == Role.ADMIN) {
            requireAnotherAdmin(community, target);
        }
        target.changeRole(newRole);
        events.fire(new MembershipEvent.RoleChanged(community.id(), target.id(), from, newRole));
        return target;
    }

    /** The caller's own membership in a community, if any (including a pending application). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Membership> membershipIn(Caller caller, Community community) {
        return repository.membership(community.id(), caller.account())
                .filter(m -> m.status() != MembershipStatus.LEFT);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> membershipsOf(Caller caller) {
        return repository.membershipsOf(caller.account());
    }

    private Membership requireApplicant(Community community, MemberId applicant) {
        return repository.member(community.id(), applicant)
                .filter(m -> m.status() == MembershipStatus.PENDING)
                .orElseThrow(() -> new KinshipException(ErrorCode.NOT_PENDING,
                        "There is no pending application with that id in " + community.name() + "."));
    }

    private void requireAnotherAdmin(Community community, Membership leavingAdmin) {
        boolean another = repository.lockAdmins(community.id()).stream()
                .anyMatch(m -> !m.id().equals(leavingAdmin.id()));
        if (!another) {
            throw new KinshipException(ErrorCode.LAST_ADMIN,
                    "A community needs at least one admin. Make someone else an admin first.");
        }
    }

    private void flushPseudonym() {
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "uq_membership_pseudonym")) {
                throw pseudonymTaken();
            }
            if (UniqueViolation.of(e, "uq_membership_account")) {
                throw new KinshipException(ErrorCode.ALREADY_MEMBER, "You are already a member of this community.");
            }
            throw e;
        }
    }

    private static KinshipException pseudonymTaken() {
        return new KinshipException(ErrorCode.PSEUDONYM_TAKEN,
                "Someone in this community already goes by that pseudonym (or one written almost the same). Please choose another.");
    }
}
