package org.kinship.platform.community;

/** Where a membership stands. */
public enum MembershipStatus {
    /** Applied to a community with approval; waiting for a moderator. */
    PENDING,
    ACTIVE,
    /** Left the community. The row stays so their pseudonym is not taken by someone else. */
    LEFT,
    /** Banned by a moderator: cannot read, write or rejoin this community. */
    BANNED
}
