package org.kinship.platform.community;

/** Where a membership stands. */
public enum MembershipStatus {
    /** Applied to a community with approval; waiting for a moderator. */
    PENDING,
    ACTIVE,
    /** Left the community. The row stays so their pseudonym is not taken by someone else. */
    LEFT,
    /** Banned by a moderator: cannot read, write or rejoin this community. */
    BANNED,
    /**
     * A remote ActivityPub actor who wrote in this community (a reply to a shared thread, a thread from a
     * community it follows). Never signs in, votes or receives messages; its pseudonym is name@host.
     */
    REMOTE
}
