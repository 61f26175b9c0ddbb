package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.kinship.federation.delivery.Backoff;
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
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Outbound outbound;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    Deliveries self;

    private final Backoff backoff = Backoff.standard(Clock.systemUTC(), RandomGenerator.getDefault());

    /** What the consumer needs to attempt a delivery, read without holding a transaction open. */
    record Attempt(UUID delivery, String host, java.net.URI inbox, byte[] body, UUID signer, java.net.URI signerActor,
                   int attempts, Instant createdAt) {
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void attempt(UUID deliveryId) {
        Optional<Attempt> attempt = self.load(deliveryId);
        if (attempt.isEmpty()) {
            return; // delivered, refused or given up already (a duplicate message), or gone
        }
        Attempt a = attempt.get();
        Optional<Instant> resting = outbound.client().hostHealth().restingUntil(a.host());
        if (resting.isPresent() && resting.get().isAfter(clock.instant())) {
            self.later(a.delivery(), Duration.between(clock.instant(), resting.get()));
            return;
        }
        DeliveryOutcome outcome = outbound.deliver(a.inbox(), a.body(), outbound.keyOf(a.signer(), a.signerActor()));
        self.record(a, outcome);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Attempt> load(UUID deliveryId) {
        OutboxDelivery d = em.find(OutboxDelivery.class, deliveryId);
        if (d == null || d.state() != OutboxDelivery.State.PENDING) {
            return Optional.empty();
        }
        OutboxActivity activity = em.find(OutboxActivity.class, d.activityId());
        return Optional.of(new Attempt(d.id(), d.host(), d.inbox(), activity.body().getBytes(StandardCharsets.UTF_8),
                activity.signer(), activity.signerActor(), d.attempts(), d.createdAt()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void later(UUID deliveryId, Duration delay) {
        outbox.enqueue(deliveryId, delay);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Attempt a, DeliveryOutcome outcome) {
        OutboxDelivery d = em.find(OutboxDelivery.class, a.delivery());
        if (d == null || d.state() != OutboxDelivery.State.PENDING) {
            return;
        }
        Instant now = clock.instant();
        switch (outcome.kind()) {
            case DELIVERED -> d.delivered(now);
            case RETRY_LATER -> {
                Optional<Instant> next = backoff.nextAttempt(a.attempts() + 1, a.createdAt(), outcome.retryAt());
                d.failed(describe(outcome), now, next.orElse(null));
                next.ifPresent(when -> outbox.enqueue(d.id(), Duration.between(now, when)));
            }
            case GONE, REFUSED, NOT_ALLOWED -> d.refused(describe(outcome), now);
        }
    }

    private static String describe(DeliveryOutcome outcome) {
        String code = outcome.problem().map(p -> p.code()).orElse("");
        String status = outcome.status() > 0 ? " HTTP " + outcome.status() : "";
        return code + status + ": " + outcome.detail();
    }
}
