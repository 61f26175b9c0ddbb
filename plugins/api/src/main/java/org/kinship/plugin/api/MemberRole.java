package org.kinship.plugin.api;

/** A member's role in one community. A role never carries over to another community. */
public enum MemberRole {
    MEMBER,
    /** A trained peer moderator. Moderators see nothing private that was not shared with them. */
    MODERATOR,
    /** Runs the community for the organisation. Admins see nothing private that was not shared with them either. */
    ADMIN,
    /** A health provider: sees only what a member explicitly shares with them. */
    PROVIDER
}
