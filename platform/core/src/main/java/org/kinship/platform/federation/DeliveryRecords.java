package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
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
 * The short transactions around a delivery attempt ({@link Deliveries}): reading what to send, and recording
 * the outcome together with the retry's queue message, each committed on its own so that no transaction or
 * connection is held while a peer answers.
 */
@ApplicationScoped
public class DeliveryRecords {
    /** What an attempt needs, read before the HTTP call. */
    public record Attempt(UUID delivery, String host, URI inbox, byte[] body, UUID signer, URI signerActor,
                          int attempts, Instant createdAt) {
    }

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private final Backoff backoff = Backoff.standard(Clock.systemUTC(), RandomGenerator.getDefault());

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

    /** How late a waiting delivery must be before the sweep queues it again (its message is then presumed lost). */
    static final Duration OVERDUE = Duration.ofMinutes(10);

    /** Queues again, at most 1,000 at a time, the deliveries waiting more than {@link #OVERDUE} past their time. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int requeueOverdue() {
        java.util.List<UUID> overdue = em.createQuery("select d.id from OutboxDelivery d where d.state = :pending "
                        + "and d.nextAttemptAt < :before order by d.nextAttemptAt", UUID.class)
                .setParameter("pending", OutboxDelivery.State.PENDING)
                .setParameter("before", clock.instant().minus(OVERDUE))
                .setMaxResults(1000).getResultList();
        overdue.forEach(id -> outbox.enqueue(id, Duration.ZERO));
        return overdue.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void later(UUID deliveryId, Duration delay) {
        OutboxDelivery d = em.find(OutboxDelivery.class, deliveryId);
        if (d != null) {
            d.postpone(clock.instant().plus(delay));
        }
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
