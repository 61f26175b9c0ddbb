package org.kinship.platform.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.kinship.platform.account.Caller;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** Invitation links: moderators and admins make them, list them and withdraw them. */
@ApplicationScoped
@Transactional
public class InvitationService {
    @Inject
    CommunityRepository repository;

    @Inject
    CommunityAccess access;

    @Inject
    Clock clock;

    public Invitation.Issued create(Caller caller, String slug, Duration validity, int maxUses) {
        Community community = repository.requireBySlug(slug);
        Membership me = access.requireModerator(caller, community);
        Invitation.Issued issued = Invitation.issue(community.id(), Role.MEMBER, me.id(), clock.instant(), validity, maxUses);
        repository.persist(issued.invitation());
        return issued;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invitation> list(Caller caller, String slug) {
        Community community = repository.requireBySlug(slug);
        access.requireModerator(caller, community);
        return repository.invitations(community.id());
    }

    public void revoke(Caller caller, String slug, UUID invitationId) {
        Community community = repository.requireBySlug(slug);
        access.requireModerator(caller, community);
        repository.invitation(community.id(), invitationId)
                .orElseThrow(() -> new KinshipException(ErrorCode.INVITATION_NOT_FOUND, "No such invitation."))
                .revoke(clock.instant());
    }
}
