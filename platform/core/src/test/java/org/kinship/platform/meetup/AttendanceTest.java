package org.kinship.platform.meetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttendanceTest {
    @Test
    void goingWhileThereIsRoomThenWaiting() {
        assertEquals(RsvpStatus.GOING, Attendance.decide(Answer.GOING, null, 5, 4, false));
        assertEquals(RsvpStatus.WAITING, Attendance.decide(Answer.GOING, null, 5, 5, false));
        assertEquals(RsvpStatus.GOING, Attendance.decide(Answer.GOING, null, null, 10_000, false), "no capacity, no limit");
    }

    @Test
    void answeringGoingAgainKeepsOnesPlaceInTheQueue() {
        assertEquals(RsvpStatus.WAITING, Attendance.decide(Answer.GOING, RsvpStatus.WAITING, 5, 4, false));
        assertEquals(RsvpStatus.GOING, Attendance.decide(Answer.GOING, RsvpStatus.GOING, 5, 5, false));
        assertEquals(RsvpStatus.REQUESTED, Attendance.decide(Answer.GOING, RsvpStatus.REQUESTED, 5, 0, true));
    }

    @Test
    void approvalTurnsGoingIntoARequest() {
        assertEquals(RsvpStatus.REQUESTED, Attendance.decide(Answer.GOING, null, 5, 0, true));
        assertEquals(RsvpStatus.REQUESTED, Attendance.decide(Answer.GOING, RsvpStatus.MAYBE, 5, 0, true));
    }

    @Test
    void maybeAndNotGoingNeedNoPlace() {
        assertEquals(RsvpStatus.MAYBE, Attendance.decide(Answer.MAYBE, RsvpStatus.GOING, 1, 1, false));
        assertEquals(RsvpStatus.NOT_GOING, Attendance.decide(Answer.NOT_GOING, RsvpStatus.WAITING, 1, 1, false));
    }

    @Test
    void promotionsFillFreePlacesOnly() {
        assertEquals(1, Attendance.promotions(5, 4, 3));
        assertEquals(0, Attendance.promotions(5, 5, 3));
        assertEquals(2, Attendance.promotions(8, 4, 2));
        assertEquals(3, Attendance.promotions(null, 4, 3));
        assertEquals(0, Attendance.promotions(2, 4, 3), "more going than places (capacity lowered is refused, but never negative)");
        assertTrue(Attendance.hasRoom(2, 1));
        assertFalse(Attendance.hasRoom(2, 2));
    }
}
