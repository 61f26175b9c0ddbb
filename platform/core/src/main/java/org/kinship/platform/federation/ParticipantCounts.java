package org.kinship.platform.federation;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.meetup.MeetupEvent;
import org.kinship.platform.meetup.MeetupId;
import org.kinship.platform.meetup.Occurrence;
import org.kinship.platform.meetup.OccurrenceId;
import org.kinship.platform.meetup.RsvpStatus;

/**
 * Keeps the {@code participantCount} of our shared dates current where they went (Mobilizon shows it), without
 * one Update per answer: the first change in who is going marks the date as due one interval later (a durable
 * row, in the answer's transaction), later changes ride along, and a scheduled task sends one {@code Update} of
 * the Event with the count at sending time, then forgets the mark. So a date gets at most one count Update per
 * interval ({@code kinship.federation.meetup-count-seconds}, 60 by default), a burst of answers is one Update
 * with the final count, and a restart only delays it. The Update is the Event as it is: a count, never who.
 *
 * <p>Marking and sending both hold the date's lock, as answering does, so an answer that commits while its
 * date's Update is being sent is either counted in it or marks the date again: none is lost.
 */
@ApplicationScoped
public class ParticipantCounts {
    private static final Logger LOG = Logger.getLogger(ParticipantCounts.class.getName());
    static final Duration INTERVAL = Duration.ofSeconds(Math.max(1, Long.getLong("kinship.federation.meetup-count-seconds", 60)));

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    MeetupPublisher publisher;

    @Inject
    Clock clock;

    @Inject
    ParticipantCounts self;

    private final Repeating schedule = new Repeating(LOG, "The meetup count sender", this::run);

    /** Someone's answer moved them in or out of "going": the count changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    void answered(@Observes MeetupEvent.Answered answered) {
        if ((answered.before() == RsvpStatus.GOING) != (answered.after() == RsvpStatus.GOING)) {
            mark(answered.community(), answered.meetup(), answered.occurrence());
        }
    }

    /** Someone got a place from the waiting list or by approval: one more going. */
    @Transactional(Transactional.TxType.MANDATORY)
    void placeGiven(@Observes MeetupEvent.PlaceGiven given) {
        mark(given.community(), given.meetup(), given.occurrence());
    }

    /**
     * Called holding the date's lock (answers are decided under it), so two answers cannot both find no mark.
     * Only dates that federate are marked: a copy of another community's meetup, or a date of an unshared thread,
     * tells nobody.
     */
    private void mark(CommunityId community, MeetupId meetup, OccurrenceId date) {
        if (publisher.shared(community, meetup, true).isEmpty() || em.find(PendingCountUpdate.class, date.value()) != null) {
            return;
        }
        em.persist(new PendingCountUpdate(date.value(), clock.instant().plus(INTERVAL)));
    }

    /** The dates whose count Update is due, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<UUID> due(int limit) {
        return em.createQuery("select p.occurrenceId from PendingCountUpdate p where p.dueAt <= :now order by p.dueAt", UUID.class)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /**
     * Sends one date's count Update and forgets its mark, in one transaction with the outbox rows. Another node
     * doing the same waits on the date's lock and then finds no mark.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void send(UUID date) {
        Occurrence occurrence = em.find(Occurrence.class, date, LockModeType.PESSIMISTIC_WRITE);
        PendingCountUpdate mark = em.find(PendingCountUpdate.class, date);
        if (mark == null) {
            return;
        }
        em.remove(mark);
        if (occurrence != null) {
            // Not sent when the date is no longer shared, cancelled or over: announceEvent checks, as for any Update.
            publisher.countChanged(occurrence.community(), occurrence.meetup(), occurrence.id());
        }
    }

    /** Started by the web module with its scheduler, whose tasks carry the naming context the outbox needs (see InboxWork). */
    public void start(ManagedScheduledExecutorService executor) {
        // Often enough that an Update leaves close to its due time, never more than every second.
        long tick = Math.min(10, Math.max(1, INTERVAL.toSeconds() / 10));
        schedule.start(executor, tick, tick, TimeUnit.SECONDS);
    }

    public void stop() {
        schedule.stop();
    }

    private void run() {
        for (UUID date : self.due(100)) {
            try {
                self.send(date);
            } catch (RuntimeException e) {
                // The mark stays: tried again at the next tick.
                LOG.log(Level.WARNING, "A meetup count Update could not be queued; tried again", e);
            }
        }
    }
}
