package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.kinship.federation.delivery.DeliveryOutcome;
import org.kinship.federation.delivery.OutboundProblem;

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
     * How long a delivery waits when this server's own cap on requests in flight to the host was reached: a slot
     * frees as soon as one of them is answered, typically within tens of milliseconds. Jittered, so that the
     * waiting deliveries do not all come back at once.
     */
    static final Duration BUSY_WAIT_MIN = Duration.ofMillis(100);
    static final Duration BUSY_WAIT_MAX = Duration.ofMillis(300);

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
        DeliveryOutcome outcome = outbound.deliver(a.inbox(), a.body(), outbound.keyOf(a.signer(), a.signerActor()));
        Optional<Duration> comeBack = waitWithoutAttempt(outcome, clock.instant(), RandomGenerator.getDefault());
        if (comeBack.isPresent()) {
            records.later(a.delivery(), comeBack.get());
            return;
        }
        records.record(a, outcome);
    }

    /**
     * When nothing left this server (the host was busy with as many of our requests as the per-host limit allows,
     * or began resting a moment ago), the try is not the peer's failure: it is not counted, and the delivery does
     * not take the backoff's schedule (30 s, then minutes, which the federation benchmark saw for a fifth of the
     * deliveries to one busy peer), but comes back soon: a busy host after {@link #BUSY_WAIT_MIN} to
     * {@link #BUSY_WAIT_MAX}, a resting one when its rest ends.
     *
     * @return how long to wait before trying again, or empty when the outcome is to be recorded as it is
     */
    static Optional<Duration> waitWithoutAttempt(DeliveryOutcome outcome, Instant now, RandomGenerator random) {
        if (outcome.attempted() || outcome.kind() != DeliveryOutcome.Kind.RETRY_LATER) {
            return Optional.empty();
        }
        OutboundProblem problem = outcome.problem().orElseThrow();
        if (problem == OutboundProblem.HOST_BUSY) {
            return Optional.of(Duration.ofMillis(random.nextLong(BUSY_WAIT_MIN.toMillis(), BUSY_WAIT_MAX.toMillis() + 1)));
        }
        if (problem == OutboundProblem.HOST_RESTING) {
            Duration rest = outcome.retryAt().map(until -> Duration.between(now, until)).orElse(BUSY_WAIT_MAX);
            return Optional.of(rest.isNegative() ? Duration.ZERO : rest);
        }
        return Optional.empty();
    }
}
