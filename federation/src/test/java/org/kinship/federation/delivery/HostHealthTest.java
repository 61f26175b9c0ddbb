package org.kinship.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A host rests after consecutive failures, for longer after each failed probe, and recovers at once. */
class HostHealthTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void restsAfterThreeFailuresInARowAndASuccessForgetsEverything() {
        ManualClock clock = new ManualClock(T0);
        HostHealth health = HostHealth.standard(clock);
        health.recordFailure("peer.example");
        health.recordFailure("peer.example");
        assertFalse(health.isResting("peer.example"));
        health.recordSuccess("peer.example");
        health.recordFailure("peer.example");
        health.recordFailure("peer.example");
        assertFalse(health.isResting("peer.example"), "a success in between resets the count");
        health.recordFailure("PEER.example");
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(1))), health.restingUntil("peer.example"));
        assertEquals(3, health.consecutiveFailures("peer.example"));
        assertFalse(health.isResting("other.example"));

        health.recordSuccess("peer.example");
        assertFalse(health.isResting("peer.example"));
        assertEquals(0, health.consecutiveFailures("peer.example"));
    }

    @Test
    void eachFailedProbeDoublesTheRestUpToTheLongest() {
        ManualClock clock = new ManualClock(T0);
        HostHealth health = new HostHealth(2, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
        health.recordFailure("peer.example");
        health.recordFailure("peer.example");
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(5)};
        for (Duration rest : expected) {
            Instant until = health.restingUntil("peer.example").orElseThrow();
            assertEquals(clock.instant().plus(rest), until);
            clock.set(until);
            assertFalse(health.isResting("peer.example"), "the rest is over at its end");
            health.recordFailure("peer.example");
        }
    }

    @Test
    void failuresOfRequestsAlreadyInFlightDoNotLengthenTheRest() {
        ManualClock clock = new ManualClock(T0);
        HostHealth health = HostHealth.standard(clock);
        for (int i = 0; i < 3; i++) {
            health.recordFailure("peer.example");
        }
        clock.advance(Duration.ofSeconds(5));
        health.recordFailure("peer.example");
        health.recordFailure("peer.example");
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(1))), health.restingUntil("peer.example"));
        assertEquals(5, health.consecutiveFailures("peer.example"));
    }
}
