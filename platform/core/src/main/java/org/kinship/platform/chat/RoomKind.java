package org.kinship.platform.chat;

/** Who is in a room. */
public enum RoomKind {
    /** Every member of the community may read and write (unless a moderator removed them). */
    PUBLIC,
    /** Only members an admin or moderator invited. */
    RESTRICTED,
    /** A conversation between exactly two members, readable by them alone. */
    DIRECT
}
