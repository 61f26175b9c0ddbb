package org.kinship.platform.federation;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable outbox. {@link #send} stores the activity and one delivery per inbox in the caller's
 * transaction and puts one message per delivery on the {@code KinshipDelivery} queue in the same (XA)
 * transaction: either the activity and its deliveries exist and will be attempted, or nothing happened.
 * {@link DeliveryWorker} drains the queue; a retry is a new message with a delivery delay (Artemis holds it),
 * so waiting costs no thread.
 */
@ApplicationScoped
public class Outbox {
    public static final String QUEUE = "java:/jms/queue/KinshipDelivery";
    /** The message property naming the delivery row. */
    static final String DELIVERY_ID = "deliveryId";

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Inject
    Clock clock;

    /**
     * @param inboxes where to deliver; several actors on one host with one shared inbox make one delivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxActivity send(UUID community, URI activityId, UUID signer, JsonObject activity, Collection<URI> inboxes) {
        Instant now = clock.instant();
        URI signerActor = URI.create(activity.getString("actor"));
        OutboxActivity stored = new OutboxActivity(community, activityId, signer, signerActor, activity.toString(), now);
        em.persist(stored);
        Map<String, URI> unique = new LinkedHashMap<>();
        for (URI inbox : inboxes) {
            unique.putIfAbsent(inbox.toString(), inbox);
        }
        for (URI inbox : unique.values()) {
            OutboxDelivery delivery = new OutboxDelivery(stored, inbox, now);
            em.persist(delivery);
            enqueue(delivery.id(), Duration.ZERO);
        }
        return stored;
    }

    /** Puts a delivery (back) on the queue, to be attempted after {@code delay}. Joins the caller's transaction. */
    void enqueue(UUID delivery, Duration delay) {
        var producer = jms.createProducer().setProperty(DELIVERY_ID, delivery.toString());
        if (!delay.isZero() && !delay.isNegative()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        producer.send(queue, delivery.toString());
    }

    /** The operator's view: per remote host, what waits, what failed and how late the oldest waiting one is. */
    public record HostStatus(String host, long pending, long delivered, long gaveUp, long refused,
                             Instant oldestPending, String lastError) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HostStatus> status() {
        List<Object[]> rows = em.createQuery(
                "select d.host, d.state, count(d), min(d.createdAt) from OutboxDelivery d group by d.host, d.state", Object[].class)
                .getResultList();
        Map<String, long[]> counts = new java.util.TreeMap<>();
        Map<String, Instant> oldest = new java.util.HashMap<>();
        for (Object[] row : rows) {
            String host = (String) row[0];
            OutboxDelivery.State state = (OutboxDelivery.State) row[1];
            counts.computeIfAbsent(host, h -> new long[4])[state.ordinal()] += (Long) row[2];
            if (state == OutboxDelivery.State.PENDING) {
                oldest.put(host, (Instant) row[3]);
            }
        }
        Map<String, String> errors = new java.util.HashMap<>();
        em.createQuery("select d.host, d.lastError, d.lastAttemptAt from OutboxDelivery d where d.lastError is not null "
                        + "order by d.lastAttemptAt desc", Object[].class)
                .setMaxResults(500).getResultList()
                .forEach(r -> errors.putIfAbsent((String) r[0], (String) r[1]));
        return counts.entrySet().stream()
                .map(e -> new HostStatus(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
                        oldest.get(e.getKey()), errors.get(e.getKey())))
                .toList();
    }
}
