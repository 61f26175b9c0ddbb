package org.kinship.platform.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequencerTest {
    private static final long WAIT = 1_000;

    @Test
    void inOrderPassesStraightThrough() {
        Sequencer<Long> s = new Sequencer<>(WAIT);
        assertEquals(List.of(5L), s.offer(5, 5L, 0));
        assertEquals(List.of(6L), s.offer(6, 6L, 0));
    }

    @Test
    void aSequencerThatKnowsWhereTheRoomStandsHoldsASwappedFirstPair() {
        Sequencer<Long> s = new Sequencer<>(WAIT, 8);
        assertEquals(List.of(), s.offer(9, 9L, 0));
        assertEquals(List.of(8L, 9L), s.offer(8, 8L, 1));
    }

    @Test
    void aMessageAheadOfAGapWaitsForIt() {
        Sequencer<Long> s = new Sequencer<>(WAIT);
        s.offer(1, 1L, 0);
        assertEquals(List.of(), s.offer(3, 3L, 10));
        assertEquals(List.of(), s.offer(4, 4L, 20));
        assertTrue(s.hasWaiting());
        assertEquals(List.of(2L, 3L, 4L), s.offer(2, 2L, 30));
        assertFalse(s.hasWaiting());
    }

    @Test
    void aGapThatNeverFillsIsReleasedInOrderAfterTheWait() {
        Sequencer<Long> s = new Sequencer<>(WAIT);
        s.offer(1, 1L, 0);
        s.offer(4, 4L, 100);
        s.offer(3, 3L, 200);
        assertEquals(List.of(), s.expire(100 + WAIT - 1));
        assertEquals(List.of(3L, 4L), s.expire(100 + WAIT));
        assertEquals(List.of(5L), s.offer(5, 5L, 2000));
    }

    @Test
    void aLateMessageIsStillDeliveredNeverDropped() {
        Sequencer<Long> s = new Sequencer<>(WAIT);
        s.offer(1, 1L, 0);
        s.offer(3, 3L, 0);
        s.expire(WAIT);
        assertEquals(List.of(2L), s.offer(2, 2L, WAIT + 1));
    }

    @Test
    void manyShuffledArriveInOrder() {
        Sequencer<Long> s = new Sequencer<>(WAIT);
        List<Long> out = new ArrayList<>(s.offer(0, 0L, 0));
        long[] arrival = {2, 1, 5, 3, 4, 9, 7, 8, 6, 10};
        for (long seq : arrival) {
            out.addAll(s.offer(seq, seq, 1));
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), out);
    }
}
