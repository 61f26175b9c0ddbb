package org.kinship.platform.community;

/** How a person becomes a member of a community. */
public enum RegistrationPolicy {
    /** Anyone signed in may join at once. */
    OPEN,
    /** Anyone may apply; a peer moderator approves or declines. */
    APPROVAL,
    /** Only with an invitation link. */
    INVITATION
}
