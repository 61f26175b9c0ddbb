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

    record RoleChanged(CommunityId community, MemberId member, Role from, Role to) implements MembershipEvent {
    }
}
