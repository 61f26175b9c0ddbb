package org.kinship.platform.community;

/**
 * What happened to a membership. Observed after commit by modules that care (plugins, federation,
 * notifications); the use case never calls them.
 */
public sealed interface MembershipEvent {
    CommunityId community();

    MemberId member();

    record Joined(CommunityId community, MemberId member, Role role) implements MembershipEvent {
    }

    record Applied(CommunityId community, MemberId member) implements MembershipEvent {
    }

    record Left(CommunityId community, MemberId member) implements MembershipEvent {
    }

    /** A moderator banned the member: they can no longer read or write here. */
    record Banned(CommunityId community, MemberId member) implements MembershipEvent {
    }

    /**
     * The person deleted their account. Fired inside the deletion's transaction, once for every
     * membership they ever had (also ones they had left): observers delete what belongs to it, and
     * a failure undoes the whole deletion so nothing is half gone.
     */
    record Deleted(CommunityId community, MemberId member) implements MembershipEvent {
    }

    record RoleChanged(CommunityId community, MemberId member, Role from, Role to) implements MembershipEvent {
    }
}
