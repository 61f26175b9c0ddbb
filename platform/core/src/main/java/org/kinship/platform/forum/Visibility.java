package org.kinship.platform.forum;

/** Who can see a thread. */
public enum Visibility {
    /** Every member of the community. */
    COMMUNITY,
    /**
     * A closed circle: the starter and the members they invited and who accepted. Never listed,
     * searched or federated for anyone else, moderators included.
     */
    CIRCLE
}
