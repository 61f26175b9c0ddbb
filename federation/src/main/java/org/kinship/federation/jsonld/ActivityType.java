package org.kinship.federation.jsonld;

/** The activities Kinship handles (DESIGN.md, federation conventions); anything else is {@link #UNKNOWN}. */
public enum ActivityType {
    CREATE, UPDATE, DELETE, ANNOUNCE, LIKE, DISLIKE, UNDO, FOLLOW, ACCEPT, REJECT, FLAG, BLOCK, ADD, REMOVE,
    JOIN, LEAVE, INVITE, LOCK, MOVE,
    /** None of the sender's types is one of the above. */
    UNKNOWN
}
