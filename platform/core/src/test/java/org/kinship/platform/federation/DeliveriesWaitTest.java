package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kinship.federation.delivery.DeliveryOutcome;
import org.kinship.federation.delivery.OutboundProblem;

/** What a delivery does when its host is busy with our requests or resting, and which tries count as attempts. */
class DeliveriesWaitTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final DeliveryOutcome DELIVERED = new DeliveryOutcome(DeliveryOutcome.Kind.DELIVERED, Optional.empty(), 202,
            Optional.empty(), "ok", "", Duration.ZERO);

    private static DeliveryOutcome failed(OutboundProblem problem, Optional<Instant> retryAt) {
        return new DeliveryOutcome(DeliveryOutcome.Kind.RETRY_LATER, Optional.of(problem), -1, retryAt, "x", "", Duration.ZERO);
    }

    @Test
    void aBusyHostIsWaitedForUntilASlotFrees() {
        AtomicInteger tries = new AtomicInteger();
        DeliveryOutcome outcome = Deliveries.whenASlotIsFree(
                () -> tries.incrementAndGet() <= 3 ? failed(OutboundProblem.HOST_BUSY, Optional.of(NOW)) : DELIVERED, Duration.ofSeconds(5));
        assertEquals(DeliveryOutcome.Kind.DELIVERED, outcome.kind());
        assertEquals(4, tries.get());
    }

    @Test
    void aHostThatStaysBusyIsLeftAfterTheWaitAndItsDeliveryComesBackUncounted() {
        long started = System.nanoTime();
        DeliveryOutcome outcome = Deliveries.whenASlotIsFree(() -> failed(OutboundProblem.HOST_BUSY, Optional.of(NOW.plusSeconds(5))),
                Duration.ofMillis(100));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Optional.of(OutboundProblem.HOST_BUSY), outcome.problem());
        assertTrue(tookMillis >= 100 && tookMillis < 2_000, tookMillis + " ms");
        assertEquals(Optional.of(Duration.ofSeconds(5)), Deliveries.waitWithoutAttempt(outcome, NOW));
    }

    @Test
    void otherProblemsAreNotRetriedOnTheSpot() {
        AtomicInteger tries = new AtomicInteger();
        Deliveries.whenASlotIsFree(() -> {
            tries.incrementAndGet();
            return failed(OutboundProblem.TIMEOUT, Optional.empty());
        }, Duration.ofSeconds(5));
        assertEquals(1, tries.get());
    }

    @Test
    void aRestingHostSendsItBackUntilTheRestEnds() {
        assertEquals(Optional.of(Duration.ofSeconds(42)),
                Deliveries.waitWithoutAttempt(failed(OutboundProblem.HOST_RESTING, Optional.of(NOW.plusSeconds(42))), NOW));
        assertEquals(Optional.of(Duration.ZERO),
                Deliveries.waitWithoutAttempt(failed(OutboundProblem.HOST_RESTING, Optional.of(NOW.minusSeconds(1))), NOW));
    }

    @Test
    void whatReachedThePeerIsRecordedAsAnAttempt() {
        assertEquals(Optional.empty(), Deliveries.waitWithoutAttempt(failed(OutboundProblem.TIMEOUT, Optional.empty()), NOW));
        assertEquals(Optional.empty(), Deliveries.waitWithoutAttempt(failed(OutboundProblem.CONNECTION_FAILED, Optional.empty()), NOW));
        assertEquals(Optional.empty(), Deliveries.waitWithoutAttempt(DELIVERED, NOW));
    }
}
