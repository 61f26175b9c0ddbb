package org.kinship.platform.community;

/**
 * A member's role in one community. Roles never carry over to another community: a moderator
 * here is an ordinary member (or nobody) elsewhere.
 */
public enum Role {
    MEMBER,
    /** A trained peer moderator with lived experience. */
    MODERATOR,
    /** Runs the community for the organisation: settings, roles, plugins. Has every moderator power too. */
    ADMIN,
    /** A health provider: sees only what a member explicitly shares with them. No moderation powers. */
    PROVIDER;

    public boolean canModerate() {
        return this == MODERATOR || this == ADMIN;
    }

    public boolean canAdminister() {
        return this == ADMIN;
    }
}
