package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.kinship.federation.delivery.DeliveryOutcome;
import org.kinship.federation.delivery.OutboundProblem;

/** Which outcomes of a delivery try are recorded as attempts, and which only send the delivery back to wait. */
class DeliveriesWaitTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final RandomGenerator RANDOM = RandomGenerator.getDefault();

    private static DeliveryOutcome failed(OutboundProblem problem, Optional<Instant> retryAt) {
        return new DeliveryOutcome(DeliveryOutcome.Kind.RETRY_LATER, Optional.of(problem), -1, retryAt, "x", "", Duration.ZERO);
    }

    @Test
    void aBusyHostSendsTheDeliveryBackForAMomentUncounted() {
        for (int i = 0; i < 200; i++) {
            Duration wait = Deliveries.waitWithoutAttempt(failed(OutboundProblem.HOST_BUSY, Optional.of(NOW.plusSeconds(5))), NOW, RANDOM)
                    .orElseThrow();
            assertTrue(wait.compareTo(Deliveries.BUSY_WAIT_MIN) >= 0 && wait.compareTo(Deliveries.BUSY_WAIT_MAX) <= 0, wait::toString);
        }
    }

    @Test
    void aRestingHostSendsItBackUntilTheRestEnds() {
        assertEquals(Optional.of(Duration.ofSeconds(42)),
                Deliveries.waitWithoutAttempt(failed(OutboundProblem.HOST_RESTING, Optional.of(NOW.plusSeconds(42))), NOW, RANDOM));
        assertEquals(Optional.of(Duration.ZERO),
                Deliveries.waitWithoutAttempt(failed(OutboundProblem.HOST_RESTING, Optional.of(NOW.minusSeconds(1))), NOW, RANDOM));
    }

    @Test
    void whatReachedThePeerOrWasRefusedIsRecorded() {
        assertEquals(Optional.empty(), Deliveries.waitWithoutAttempt(failed(OutboundProblem.TIMEOUT, Optional.empty()), NOW, RANDOM));
        assertEquals(Optional.empty(), Deliveries.waitWithoutAttempt(failed(OutboundProblem.CONNECTION_FAILED, Optional.empty()), NOW, RANDOM));
        assertEquals(Optional.empty(), Deliveries.waitWithoutAttempt(new DeliveryOutcome(DeliveryOutcome.Kind.DELIVERED,
                Optional.empty(), 202, Optional.empty(), "ok", "", Duration.ZERO), NOW, RANDOM));
    }
}
