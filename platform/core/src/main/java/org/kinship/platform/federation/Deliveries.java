package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kinship.federation.delivery.DeliveryOutcome;

/**
 * One delivery attempt, as the queue's consumer asks for it: read the stored activity, post it signed to its
 * inbox (outside any transaction: a slow peer holds no database connection), then record the outcome and, for
 * a failure worth retrying, put the delivery back on the queue with the backoff's delay, in one transaction.
 * A host that keeps failing rests: its deliveries wait without a connection attempt, so a dead host costs the
 * others nothing.
 */
@ApplicationScoped
public class Deliveries {
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
        records.record(a, outcome);
    }
}
