package org.kinship.platform.meetup;

/** Where a member's answer stands. */
public enum RsvpStatus {
    /** Has a place. */
    GOING,
    /** Wants a place, none is free: in the waiting list, in order of {@code queue_seq}. */
    WAITING,
    /** Wants a place at a meetup that needs the organiser's approval; not yet approved. */
    REQUESTED,
    MAYBE,
    NOT_GOING;

    /** Wants to be there (has a place, or is queued or asking for one). */
    public boolean wantsPlace() {
        return this == GOING || this == WAITING || this == REQUESTED;
    }
}
