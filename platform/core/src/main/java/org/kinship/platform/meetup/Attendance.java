package org.kinship.platform.meetup;

/**
 * The rules of places, as pure functions so that they can be tested without a database. The service
 * applies them while holding the occurrence's lock, with counts read under that lock.
 */
public final class Attendance {
    private Attendance() {
    }

    /**
     * Where an answer puts a member. Someone already going, waiting or asking keeps that place when they
     * answer GOING again (a second click must not send them to the back of the queue).
     *
     * @param capacity     places, or null for no limit
     * @param goingOthers  members other than this one who are going
     * @param needsApproval the meetup needs approval and this member is not its organiser
     */
    public static RsvpStatus decide(Answer answer, RsvpStatus current, Integer capacity, long goingOthers,
                                    boolean needsApproval) {
        return switch (answer) {
            case MAYBE -> RsvpStatus.MAYBE;
            case NOT_GOING -> RsvpStatus.NOT_GOING;
            case GOING -> {
                if (current != null && current.wantsPlace()) {
                    yield current;
                }
                if (needsApproval) {
                    yield RsvpStatus.REQUESTED;
                }
                yield hasRoom(capacity, goingOthers) ? RsvpStatus.GOING : RsvpStatus.WAITING;
            }
        };
    }

    public static boolean hasRoom(Integer capacity, long going) {
        return capacity == null || going < capacity;
    }

    /** How many from the waiting list get a place now. */
    public static long promotions(Integer capacity, long going, long waiting) {
        if (capacity == null) {
            return waiting;
        }
        return Math.max(0, Math.min(waiting, capacity - going));
    }
}
