package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.kinship.federation.delivery.DeliveryOutcome;
import org.kinship.federation.delivery.OutboundProblem;
import org.kinship.federation.delivery.SigningKey;

/**
 * One delivery attempt, as the queue's consumer asks for it: read the stored activity, post it signed to its
 * inbox (outside any transaction: a slow peer holds no database connection), then record the outcome and, for
 * a failure worth retrying, put the delivery back on the queue with the backoff's delay, in one transaction.
 * A host that keeps failing rests: its deliveries wait without a connection attempt, so a dead host costs the
 * others nothing.
 */
@ApplicationScoped
public class Deliveries {
    /**
     * How long a consumer waits for a free slot when this server's limit of requests in flight to one host is
     * reached. A peer that answers frees a slot within one request's time (tens of milliseconds); a peer that hangs
     * holds its slots until the request timeout, and its other deliveries must not hold the consumers that long
     * (deliveries to other hosts would wait), so after this the delivery goes back to the queue.
     */
    static final Duration SLOT_WAIT = Duration.ofMillis(250);

    @Inject
    Outbound outbound;

    @Inject
    DeliveryRecords records;

    @Inject
    Clock clock;

    /** Attempts one delivery; the queue's consumer calls it with no transaction of its own. */
    public void attempt(UUID deliveryId) {
        Optional<DeliveryRecords.Attempt> attempt = records.load(deliveryId);
        if (attempt.isEmpty()) {
            return; // delivered, refused or given up already (a duplicate message), or gone
        }
        DeliveryRecords.Attempt a = attempt.get();
        Optional<Instant> resting = outbound.client().hostHealth().restingUntil(a.host());
        if (resting.isPresent() && resting.get().isAfter(clock.instant())) {
            records.later(a.delivery(), Duration.between(clock.instant(), resting.get()));
            return;
        }
        SigningKey key = outbound.keyOf(a.signer(), a.signerActor());
        DeliveryOutcome outcome = whenASlotIsFree(() -> outbound.deliver(a.inbox(), a.body(), key), SLOT_WAIT);
        Optional<Duration> comeBack = waitWithoutAttempt(outcome, clock.instant());
        if (comeBack.isPresent()) {
            records.later(a.delivery(), comeBack.get());
            return;
        }
        records.record(a, outcome);
    }

    /**
     * Sends, and while the host is busy (nothing was sent: as many of our requests to it are in flight as the
     * per-host limit allows) tries again after a short pause, for at most {@code maxWait}. The busy answer costs
     * no request and no signature, so the pauses start at 2 ms.
     */
    static DeliveryOutcome whenASlotIsFree(Supplier<DeliveryOutcome> send, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pauseMillis = 2;
        DeliveryOutcome outcome = send.get();
        while (outcome.problem().filter(p -> p == OutboundProblem.HOST_BUSY).isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
            pauseMillis = Math.min(pauseMillis * 2, 20);
            outcome = send.get();
        }
        return outcome;
    }

    /**
     * When nothing left this server (the host stayed busy with our requests, or began resting a moment ago), the try
     * is not the peer's failure: it is not counted and does not take the backoff's schedule (30 s, then minutes,
     * which the federation benchmark saw for a fifth of the deliveries to one busy peer); the delivery comes back
     * when the client says (a busy host after a few seconds, a resting one when its rest ends).
     *
     * @return how long to wait before trying again, or empty when the outcome is to be recorded as it is
     */
    static Optional<Duration> waitWithoutAttempt(DeliveryOutcome outcome, Instant now) {
        if (outcome.attempted() || outcome.kind() != DeliveryOutcome.Kind.RETRY_LATER) {
            return Optional.empty();
        }
        Duration wait = outcome.retryAt().map(until -> Duration.between(now, until)).orElse(SLOT_WAIT);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
}
