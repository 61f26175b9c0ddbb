package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;

/**
 * The inbox's memory. Accepting an activity stores its receipt (primary key = the activity id's hash, so a second
 * delivery of the same id is a no-op) and a pending row with the body, in one short transaction; applying it
 * deletes the pending row in the transaction that does what the activity says, so each accepted activity is
 * applied exactly once even when a sweep on another node picks it up too.
 */
@ApplicationScoped
public class Receipts {
    /**
     * When to apply a failed activity again: 30 s doubling, the deliveries' schedule without its jitter (the
     * number of attempts bounds these retries, not the deliveries' time window).
     */
    private static final org.kinship.federation.delivery.Backoff RETRIES =
            org.kinship.federation.delivery.Backoff.standard(Clock.systemUTC(), java.util.random.RandomGenerator.getDefault());

    /** How long the node that accepted an activity has to apply it before a sweep may take it over. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/KinshipDS")
    javax.sql.DataSource dataSource;

    @Inject
    Receiver receiver;

    @Inject
    Follows follows;

    @Inject
    FederationGate gate;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean seenHash(String hash) {
        return em.find(InboxReceipt.class, hash) != null;
    }

    /**
     * Stores the receipts and pending rows of a batch the inbox accepted, in one transaction, with plain JDBC
     * batches (this is the inbox's hot path: see InboxIntake). Activities whose receipt exists are left out; a
     * concurrent store of one of them fails the whole batch on the receipt's key, and the caller retries each alone.
     *
     * @return the hashes stored now
     */
    @Transactional
    public Set<String> acceptAll(List<InboxIntake.Row> rows) {
        Set<String> fresh = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection()) { // enlisted in this transaction: one commit for all
            Set<String> existing = new HashSet<>();
            String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
            try (PreparedStatement q = connection.prepareStatement(
                    "select activity_hash from inbox_receipt where activity_hash in (" + marks + ")")) {
                for (int i = 0; i < rows.size(); i++) {
                    q.setString(i + 1, rows.get(i).hash());
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement receipt = connection.prepareStatement(
                    "insert into inbox_receipt (activity_hash, activity_iri, actor_host, received_at) values (?, ?, ?, ?)");
                 PreparedStatement pending = connection.prepareStatement(
                    "insert into inbox_pending (activity_hash, body, sender_iri, community_ids, attempts, next_attempt_at) "
                            + "values (?, ?, ?, ?, 0, ?)")) {
                for (InboxIntake.Row r : rows) {
                    if (existing.contains(r.hash()) || !fresh.add(r.hash())) {
                        continue; // stored before, or twice in this batch
                    }
                    receipt.setString(1, r.hash());
                    receipt.setString(2, r.activityIri());
                    receipt.setString(3, r.actorHost());
                    receipt.setObject(4, r.receivedAt().atOffset(ZoneOffset.UTC));
                    receipt.addBatch();
                    pending.setString(1, r.hash());
                    pending.setString(2, r.body());
                    pending.setString(3, r.senderIri());
                    pending.setString(4, r.communityIds());
                    pending.setObject(5, r.lease().atOffset(ZoneOffset.UTC));
                    pending.addBatch();
                }
                if (!fresh.isEmpty()) {
                    receipt.executeBatch();
                    pending.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The inbox could not store activities: " + e.getMessage(), e);
        }
        return fresh;
    }

    /** A row for {@link #acceptAll}: the activity as the inbox accepted it, and its lease from now. */
    InboxIntake.Row row(URI activity, String actorHost, String body, URI sender, List<Community> communities) {
        Instant now = clock.instant();
        return new InboxIntake.Row(InboxReceipt.hashOf(activity), activity.toString(), actorHost, body, sender.toString(),
                InboxPending.communityIds(communities.stream().map(Community::id).toList()),
                now, now.plus(LEASE), new java.util.concurrent.CompletableFuture<>());
    }

    /**
     * Applies activities in one transaction. Any failure rolls all of them back (the caller then applies them one by
     * one to find which failed); those already applied elsewhere are skipped.
     *
     * @return for each activity, whether this call applied it (false: another worker had, or its communities no
     *         longer admit its actor)
     */
    @Transactional
    public boolean[] apply(List<InboxWork.Item> items) {
        Set<String> claimed = claim(items.stream().map(InboxWork.Item::hash).toList());
        boolean[] applied = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            applied[i] = claimed.contains(items.get(i).hash()) && applyClaimed(items.get(i));
            // Written out and let go of before the next: every query flushes automatically, and Hibernate dirty-checks
            // each managed entity to decide what to flush, so a persistence context that kept the batch's posts made
            // a batch cost quadratic time (a fifth of the workers' CPU in the federation benchmark).
            em.flush();
            em.clear();
        }
        return applied;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean applyAlone(InboxWork.Item item) {
        return !claim(List.of(item.hash())).isEmpty() && applyClaimed(item);
    }

    /**
     * Claims pending rows by locking and deleting them in the applying transaction: a concurrent claim (a sweep on
     * another node) waits on the row lock and then finds nothing, so each activity is applied once.
     */
    private Set<String> claim(List<String> hashes) {
        List<String> locked = em.createQuery("select p.activityHash from InboxPending p where p.activityHash in :h", String.class)
                .setParameter("h", hashes).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (!locked.isEmpty()) {
            em.createQuery("delete from InboxPending p where p.activityHash in :h").setParameter("h", locked).executeUpdate();
        }
        return new HashSet<>(locked);
    }

    private boolean applyClaimed(InboxWork.Item item) {
        // The policy again: a block an admin added since the activity was accepted wins.
        List<Community> admitted = item.communities().stream().filter(c -> gate.admits(c.id(), item.sender().iri())).toList();
        if (admitted.isEmpty()) {
            return false;
        }
        receiver.receive(item.activity(), item.raw(), item.sender(), admitted);
        return true;
    }

    /** Forgets an activity the peer is told was refused: no receipt, so a corrected retry is taken afresh. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String hash) {
        em.createQuery("delete from InboxPending p where p.activityHash = :h").setParameter("h", hash).executeUpdate();
        em.createQuery("delete from InboxReceipt r where r.activityHash = :h").setParameter("h", hash).executeUpdate();
    }

    /**
     * An activity that could not be applied just now (an actor's server did not answer a fetch, a conflict):
     * tried again later, 30 s doubling; after {@code maxAttempts} kept as given up, for the operator.
     *
     * @return whether it will be tried again
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean postpone(String hash, String error, int maxAttempts) {
        InboxPending pending = em.find(InboxPending.class, hash);
        if (pending == null) {
            return false;
        }
        Instant now = clock.instant();
        pending.failedAttempt(error, now.plus(RETRIES.nominalDelay(pending.attempts() + 1)));
        if (pending.attempts() >= maxAttempts) {
            pending.gaveUp(now);
            return false;
        }
        return true;
    }

    /** Pending rows whose lease or retry time has passed, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InboxPending> due(int limit) {
        return em.createQuery("select p from InboxPending p where p.failedAt is null and p.nextAttemptAt <= :now "
                        + "order by p.nextAttemptAt", InboxPending.class)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /** Takes a due row for this node: a compare-and-set on its time, so two sweeps never both take it. */
    @Transactional
    public boolean claim(InboxPending pending) {
        return em.createQuery("update InboxPending p set p.nextAttemptAt = :lease where p.activityHash = :h "
                        + "and p.nextAttemptAt = :seen and p.failedAt is null")
                .setParameter("lease", clock.instant().plus(LEASE)).setParameter("h", pending.activityHash())
                .setParameter("seen", pending.nextAttemptAt()).executeUpdate() == 1;
    }

    /** For the operator: how many accepted activities wait to be applied, since when, and how many were given up. */
    public record Backlog(long pending, Instant oldestPending, long givenUp, String lastError) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Backlog backlog() {
        Object[] waiting = em.createQuery("select count(p), min(r.receivedAt) from InboxPending p, InboxReceipt r "
                + "where r.activityHash = p.activityHash and p.failedAt is null", Object[].class).getSingleResult();
        long givenUp = em.createQuery("select count(p) from InboxPending p where p.failedAt is not null", Long.class).getSingleResult();
        String lastError = em.createQuery("select p.lastError from InboxPending p where p.lastError is not null "
                        + "order by p.nextAttemptAt desc", String.class).setMaxResults(1).getResultStream().findFirst().orElse(null);
        return new Backlog(((Number) waiting[0]).longValue(), (Instant) waiting[1], givenUp, lastError);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommunityId> communitiesFollowing(RemoteActor group) {
        return follows.communitiesFollowing(group);
    }

    /** The community of a local forum thread or post, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommunityId> communityOfForumObject(UUID id) {
        Optional<UUID> thread = em.createQuery("select t.communityId from ForumThread t where t.id = :id", UUID.class)
                .setParameter("id", id).getResultStream().findFirst();
        if (thread.isPresent()) {
            return thread.map(CommunityId::new);
        }
        return em.createQuery("select p.communityId from Post p where p.id = :id", UUID.class)
                .setParameter("id", id).getResultStream().findFirst().map(CommunityId::new);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommunityId> communityOfMeetupDate(UUID occurrence) {
        return em.createQuery("select o.communityId from Occurrence o where o.id = :id", UUID.class)
                .setParameter("id", occurrence).getResultStream().findFirst().map(CommunityId::new);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommunityId> communityOfMember(UUID member) {
        return em.createQuery("select m.communityId from Membership m where m.id = :id", UUID.class)
                .setParameter("id", member).getResultStream().findFirst().map(CommunityId::new);
    }
}
