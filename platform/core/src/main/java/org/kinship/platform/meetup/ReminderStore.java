package org.kinship.platform.meetup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.Membership;
import org.kinship.platform.notification.Notification;
import org.kinship.platform.notification.digest.DigestSubscription;

/**
 * The reminder run's steps against the database, each its own short transaction, so that no
 * transaction is open while a mail is on its way.
 *
 * <p>A reminder is sent at most once: the run claims it with a conditional UPDATE
 * ({@code ... where reminded_soon_at is null}) and only the run whose update changed the row stores the
 * in-app notification (in the same transaction) and sends the mail (after commit). Two runs at once,
 * on one node or several, cannot both win. A node that dies between claim and mail loses that one mail;
 * the in-app reminder is stored either way.
 */
@ApplicationScoped
public class ReminderStore {
    public static final Duration DAY_BEFORE = Duration.ofHours(24);
    public static final Duration SOON = Duration.ofHours(2);
    static final int BATCH = 500;

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Event<MeetupEvent> events;

    /** Which reminder: the day before, or two hours before. */
    public enum Kind {
        DAY,
        SOON
    }

    public record Due(UUID rsvpId, Kind kind) {
    }

    /** What one claimed reminder says, and where its mail goes (null: in-app only). */
    public record Claimed(UUID rsvpId, Kind kind, String email, String language, String communityName, String slug,
                          MeetupId meetup, OccurrenceId occurrence, String title, Instant start, java.time.ZoneId zone,
                          String place) {
    }

    /** Reminders due now: two hours before wins over the day before (nobody gets both at once). */
    @Transactional
    public List<Due> due(Instant now) {
        List<Due> due = new java.util.ArrayList<>();
        query("r.remindedSoonAt is null", now, now.plus(SOON)).forEach(id -> due.add(new Due(id, Kind.SOON)));
        query("r.remindedDayAt is null and r.remindedSoonAt is null", now.plus(SOON), now.plus(DAY_BEFORE))
                .forEach(id -> due.add(new Due(id, Kind.DAY)));
        return due;
    }

    private List<UUID> query(String condition, Instant after, Instant until) {
        return em.createQuery("select r.id from Rsvp r, Occurrence o, Meetup m where r.occurrenceId = o.id and o.meetupId = m.id"
                        + " and r.status = :going and o.status = :scheduled and m.status = :open"
                        + " and o.startsAt > :after and o.startsAt <= :until and " + condition
                        + " order by o.startsAt", UUID.class)
                .setParameter("going", RsvpStatus.GOING)
                .setParameter("scheduled", Occurrence.Status.SCHEDULED)
                .setParameter("open", Meetup.Status.SCHEDULED)
                .setParameter("after", after)
                .setParameter("until", until)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /**
     * Claims one reminder and stores its in-app notification. Empty when another run claimed it first
     * or the member is no longer going.
     */
    @Transactional
    public Optional<Claimed> claim(Due due, Instant now) {
        String set = due.kind() == Kind.SOON
                ? "r.remindedSoonAt = :now, r.remindedDayAt = coalesce(r.remindedDayAt, :now) where r.remindedSoonAt is null"
                : "r.remindedDayAt = :now where r.remindedDayAt is null and r.remindedSoonAt is null";
        int claimed = em.createQuery("update Rsvp r set " + set + " and r.id = :id and r.status = :going")
                .setParameter("now", now)
                .setParameter("id", due.rsvpId())
                .setParameter("going", RsvpStatus.GOING)
                .executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        Rsvp rsvp = em.find(Rsvp.class, due.rsvpId());
        Occurrence o = em.find(Occurrence.class, rsvp.occurrence().value());
        Meetup m = em.find(Meetup.class, o.meetup().value());
        Membership member = em.find(Membership.class, rsvp.member().value());
        Community community = em.find(Community.class, m.community().value());
        if (member == null || !member.isActive()) {
            return Optional.empty();
        }
        em.persist(Notification.aboutMeetup(member.id(), community.id(), Notification.Kind.MEETUP_REMINDER, m.id().value(),
                o.id().value(), null, due.kind() == Kind.DAY ? "day" : "soon", now));
        // E-mail only for a member who chose e-mail for this community (the digest settings); the address stays there.
        String email = em.createQuery("select s from DigestSubscription s where s.memberId = :m", DigestSubscription.class)
                .setParameter("m", member.id().value())
                .getResultStream().findFirst().map(DigestSubscription::email).orElse(null);
        MeetupDetails d = m.details();
        return Optional.of(new Claimed(rsvp.id(), due.kind(), email, community.language(), community.name(),
                community.slug().value(), m.id(), o.id(), m.title(), o.startsAt(), m.timeZone(),
                d.address() != null ? d.address() : d.onlineUrl()));
    }

    /** Series whose dates run out within the horizon. */
    @Transactional
    public List<UUID> seriesToExtend(Instant now) {
        return em.createQuery("select m.id from Meetup m where m.recurrence is not null and m.status = :s"
                        + " and m.materialisedUntil < :h", UUID.class)
                .setParameter("s", Meetup.Status.SCHEDULED)
                .setParameter("h", now.plus(Meetup.HORIZON))
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** Makes a series' next dates, under the meetup's lock so that two runs never make the same date. */
    @Transactional
    public int extend(UUID meetupId, Instant now) {
        Meetup m = em.find(Meetup.class, meetupId);
        if (m == null) {
            return 0;
        }
        em.refresh(m, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<Occurrence> made = m.materialise(now.plus(Meetup.HORIZON));
        for (Occurrence o : made) {
            em.persist(o);
            // A shared series' new dates federate like its first ones.
            events.fire(new MeetupEvent.Scheduled(m.community(), m.id(), o.id()));
        }
        return made.size();
    }
}
