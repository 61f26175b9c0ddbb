package org.kinship.platform.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.kinship.platform.account.Caller;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Who may do what in a community. Every power is looked up in the community it is used in, so a
 * moderator of one community is nobody special in another.
 */
@ApplicationScoped
public class CommunityAccess {
    @Inject
    CommunityRepository repository;

    /** The caller's active membership, or NOT_A_MEMBER. */
    public Membership requireMember(Caller caller, Community community) {
        return requireActive(repository.membership(community.id(), caller.account()), community);
    }

    /** An active membership, or NOT_A_MEMBER / MEMBER_BANNED. */
    public static Membership requireActive(Optional<Membership> found, Community community) {
        Membership membership = found.orElseThrow(() -> notAMember(community));
        if (membership.status() == MembershipStatus.BANNED) {
            throw new KinshipException(ErrorCode.MEMBER_BANNED, "You have been banned from " + community.name() + ".");
        }
        if (!membership.isActive()) {
            throw notAMember(community);
        }
        return membership;
    }

    private static KinshipException notAMember(Community community) {
        return new KinshipException(ErrorCode.NOT_A_MEMBER, "You are not a member of " + community.name() + ".");
    }

    public Membership requireModerator(Caller caller, Community community) {
        Membership me = requireMember(caller, community);
        if (!me.role().canModerate()) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only moderators of " + community.name() + " can do this.");
        }
        return me;
    }

    public Membership requireAdmin(Caller caller, Community community) {
        Membership me = requireMember(caller, community);
        if (!me.role().canAdminister()) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only admins of " + community.name() + " can do this.");
        }
        return me;
    }
}
