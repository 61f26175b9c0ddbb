package org.kinship.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The retry schedule: doubling, capped, jittered, and giving up only after the window. */
class BackoffTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void nominalDelaysDoubleFromThirtySecondsUpToSixHours() {
        Backoff backoff = Backoff.standard(new ManualClock(T0), new Random(1));
        assertEquals(Duration.ofSeconds(30), backoff.nominalDelay(1));
        assertEquals(Duration.ofSeconds(60), backoff.nominalDelay(2));
        assertEquals(Duration.ofSeconds(30 * 512), backoff.nominalDelay(10));
        assertEquals(Duration.ofHours(6), backoff.nominalDelay(11));
        assertEquals(Duration.ofHours(6), backoff.nominalDelay(1_000));
        assertEquals(Duration.ofHours(6), backoff.nominalDelay(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0));
    }

    @Test
    void jitterStaysWithinTwentyPercentAndReallySpreads() {
        Backoff backoff = Backoff.standard(new ManualClock(T0), new Random(42));
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int i = 0; i < 2_000; i++) {
            int attempt = 1 + i % 14;
            double ratio = (double) backoff.delay(attempt).toMillis() / backoff.nominalDelay(attempt).toMillis();
            lowest = Math.min(lowest, ratio);
            highest = Math.max(highest, ratio);
        }
        assertTrue(lowest >= 0.8 && highest <= 1.2, "ratio range " + lowest + " .. " + highest);
        assertTrue(lowest < 0.82 && highest > 1.18, "jitter does not spread: " + lowest + " .. " + highest);
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertEquals(schedule(7), schedule(7));
        assertTrue(!schedule(7).equals(schedule(8)), "different seeds should differ");
    }

    @Test
    void aFailingPeerIsTriedForAtLeastFortyEightHoursBeforeGivingUp() {
        List<Instant> attempts = schedule(3);
        Instant last = attempts.get(attempts.size() - 1);
        Duration span = Duration.between(T0, last);
        assertTrue(span.compareTo(Duration.ofHours(48)) >= 0, "tried for " + span);
        // The default window is 72 h and the last try lands on its edge, not beyond.
        assertEquals(Duration.ofHours(72), span);
        assertTrue(attempts.size() > 15 && attempts.size() < 30, attempts.size() + " attempts");
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.between(attempts.get(i - 1), attempts.get(i));
            assertTrue(gap.compareTo(Duration.ofHours(6).multipliedBy(12).dividedBy(10)) <= 0, "gap " + gap);
            assertTrue(!gap.isNegative() && !gap.isZero(), "gap " + gap);
        }
    }

    /** Every try of a delivery that always fails, from the first failure at T0 until the Backoff gives up. */
    private static List<Instant> schedule(long seed) {
        ManualClock clock = new ManualClock(T0);
        Backoff backoff = Backoff.standard(clock, new Random(seed));
        List<Instant> attempts = new ArrayList<>(List.of(T0));
        for (int attempt = 1; attempt < 1_000; attempt++) {
            Optional<Instant> next = backoff.nextAttempt(attempt, T0, Optional.empty());
            if (next.isEmpty()) {
                return attempts;
            }
            clock.set(next.get());
            attempts.add(next.get());
        }
        throw new AssertionError("never gave up");
    }

    @Test
    void retryAfterIsHonouredUpToTheCapAndNeverPastTheWindow() {
        ManualClock clock = new ManualClock(T0);
        Backoff backoff = Backoff.standard(clock, new Random(5));
        Instant inTwoHours = T0.plus(Duration.ofHours(2));
        assertEquals(Optional.of(inTwoHours), backoff.nextAttempt(1, T0, Optional.of(inTwoHours)));
        assertEquals(Optional.of(T0.plus(Duration.ofHours(6))), backoff.nextAttempt(1, T0, Optional.of(T0.plus(Duration.ofDays(30)))));
        // A Retry-After sooner than the backoff does not make us come back sooner.
        Instant next = backoff.nextAttempt(3, T0, Optional.of(T0.plusSeconds(1))).orElseThrow();
        assertTrue(next.isAfter(T0.plusSeconds(90)), next.toString());

        clock.set(T0.plus(Duration.ofHours(71)));
        assertEquals(Optional.of(T0.plus(Duration.ofHours(72))), backoff.nextAttempt(20, T0, Optional.empty()));
        clock.set(T0.plus(Duration.ofHours(72)));
        assertEquals(Optional.empty(), backoff.nextAttempt(21, T0, Optional.empty()));
    }

    @Test
    void aWindowShorterThanFortyEightHoursIsRefused() {
        ManualClock clock = new ManualClock(T0);
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofHours(47), clock, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofHours(7), Duration.ofHours(6), Duration.ofHours(72), clock, new Random()));
        assertEquals(Duration.ofHours(48),
                new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofHours(48), clock, new Random()).window());
    }
}
