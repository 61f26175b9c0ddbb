package org.kinship.platform.notification.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipStatus;
import org.kinship.platform.forum.Visibility;
import org.kinship.platform.notification.Notification;

/**
 * The digest run's steps against the database, each its own short transaction, so that no
 * transaction (and no row lock) is held while a mail is on its way to the SMTP relay.
 *
 * <p>One digest is sent by at most one run, even with several runs at once (two nodes of a future
 * cluster, or a slow run overlapping the next): a run first reads a subscription's version and
 * {@code last_sent_at}, then claims it with a conditional UPDATE that only succeeds if both are still
 * what it read. The database lets exactly one claim win; the loser sends nothing. There is no
 * {@code select ... for update skip locked} and no lock held during the send. A failed send gives
 * the claim back (again conditionally), so the next run tries again and nothing is lost. A node that
 * dies between claim and send loses that one digest (the notifications stay in the app): at most once,
 * never twice.
 */
@ApplicationScoped
public class DigestStore {
    /** At most this many subscriptions per run, and notifications per digest; the rest wait for the next run. */
    static final int BATCH = 500;
    /** Meetup news is not digested: reminders have their own mail (see the meetup package). */
    private static final List<Notification.Kind> DIGESTED =
            java.util.Arrays.stream(Notification.Kind.values()).filter(Notification.Kind::inDigest).toList();

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    /** One digest ready to send, with what its claim compares against. */
    public record Prepared(UUID subscriptionId, long version, Instant lastSentAt, String email, Digest digest) {
    }

    /** Subscriptions of people who left or were banned are deleted: an address that is not used is not kept. */
    @Transactional
    public int forgetFormerMembers() {
        return em.createQuery("delete from DigestSubscription s where s.memberId in"
                        + " (select m.id from Membership m where m.status <> :active)")
                .setParameter("active", MembershipStatus.ACTIVE)
                .executeUpdate();
    }

    /** Due subscriptions (nothing sent for a day, or a week) that have unread notifications in their window. */
    @Transactional
    public List<UUID> due(Instant now) {
        Instant dayAgo = now.minus(DigestFrequency.DAILY.period());
        Instant weekAgo = now.minus(DigestFrequency.WEEKLY.period());
        return em.createQuery("select s.id from DigestSubscription s, Membership m"
                        + " where m.id = s.memberId and m.status = :active"
                        + " and ((s.frequency = :daily and (s.lastSentAt is null or s.lastSentAt <= :dayAgo))"
                        + "   or (s.frequency = :weekly and (s.lastSentAt is null or s.lastSentAt <= :weekAgo)))"
                        + " and exists (select n.id from Notification n where n.recipientId = s.memberId and n.kind in :digested"
                        + "   and n.readAt is null and n.createdAt <= :now"
                        + "   and ((s.lastSentAt is not null and n.createdAt > s.lastSentAt)"
                        + "     or (s.lastSentAt is null and s.frequency = :daily and n.createdAt > :dayAgo)"
                        + "     or (s.lastSentAt is null and s.frequency = :weekly and n.createdAt > :weekAgo)))"
                        + " order by s.createdAt", UUID.class)
                .setParameter("active", MembershipStatus.ACTIVE)
                .setParameter("daily", DigestFrequency.DAILY)
                .setParameter("weekly", DigestFrequency.WEEKLY)
                .setParameter("dayAgo", dayAgo)
                .setParameter("weekAgo", weekAgo)
                .setParameter("now", now)
                .setParameter("digested", DIGESTED)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /**
     * Reads what one digest says: the member's unread notifications since the last digest (the first
     * digest looks back one period), up to {@code now}, and what may be shown of their threads.
     */
    @Transactional
    public Optional<Prepared> prepare(UUID subscriptionId, Instant now) {
        DigestSubscription s = em.find(DigestSubscription.class, subscriptionId);
        if (s == null) {
            return Optional.empty();
        }
        Membership member = em.find(Membership.class, s.member().value());
        if (member == null || !member.isActive()) {
            return Optional.empty();
        }
        Community community = em.find(Community.class, member.community().value());
        Instant since = s.lastSentAt() != null ? s.lastSentAt() : now.minus(s.frequency().period());
        List<Notification> notifications = em.createQuery("select n from Notification n where n.recipientId = :m and n.kind in :digested"
                        + " and n.readAt is null and n.createdAt > :since and n.createdAt <= :now order by n.createdAt",
                        Notification.class)
                .setParameter("m", member.id().value())
                .setParameter("digested", DIGESTED)
                .setParameter("since", since)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
        if (notifications.isEmpty()) {
            return Optional.empty();
        }
        Digest digest = Digest.of(community.name(), community.slug().value(), community.language(), s.frequency(),
                notifications, threads(notifications));
        return Optional.of(new Prepared(s.id(), s.version(), s.lastSentAt(), s.email(), digest));
    }

    /** Only what the digest may use of a thread: visibility, hidden, title. Never a post. */
    private Map<UUID, Digest.ThreadInfo> threads(List<Notification> notifications) {
        Set<UUID> ids = notifications.stream().map(Notification::threadId).filter(id -> id != null).collect(Collectors.toSet());
        Map<UUID, Digest.ThreadInfo> threads = new HashMap<>();
        if (ids.isEmpty()) {
            return threads;
        }
        em.createQuery("select t.id, t.visibility, t.hidden, t.title from ForumThread t where t.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> threads.put((UUID) row[0],
                        new Digest.ThreadInfo((Visibility) row[1], (Boolean) row[2], (String) row[3])));
        return threads;
    }

    /**
     * Claims a prepared digest for this run: sets {@code last_sent_at} if, and only if, the subscription
     * is still as it was read (same version, same last sent). False means another run sent it, or the
     * member changed or stopped the digest meanwhile: send nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(Prepared digest, Instant now) {
        var update = em.createQuery("update DigestSubscription s set s.lastSentAt = :now, s.version = s.version + 1"
                        + " where s.id = :id and s.version = :version and "
                        + (digest.lastSentAt() == null ? "s.lastSentAt is null" : "s.lastSentAt = :previous"))
                .setParameter("now", now)
                .setParameter("id", digest.subscriptionId())
                .setParameter("version", digest.version());
        if (digest.lastSentAt() != null) {
            update.setParameter("previous", digest.lastSentAt());
        }
        return update.executeUpdate() == 1;
    }

    /** The send failed: give the claim back, unless something else has changed the subscription since. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Prepared digest, Instant claimedAt) {
        var update = em.createQuery("update DigestSubscription s set s.lastSentAt = "
                        + (digest.lastSentAt() == null ? "null" : ":previous")
                        + ", s.version = s.version + 1 where s.id = :id and s.lastSentAt = :claimed")
                .setParameter("id", digest.subscriptionId())
                .setParameter("claimed", claimedAt);
        if (digest.lastSentAt() != null) {
            update.setParameter("previous", digest.lastSentAt());
        }
        update.executeUpdate();
    }
}
