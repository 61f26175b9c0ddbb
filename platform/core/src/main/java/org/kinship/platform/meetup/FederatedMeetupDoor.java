package org.kinship.platform.meetup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * The meetups' door for federation, like the forum's {@code FederatedForum}: what people on other servers do
 * about our shared dates (a {@code Join} is an answer "going", a {@code Leave} withdraws it) and the copies of
 * meetups that communities we follow announce. The federation code has checked policy, signatures and that
 * the date is shared; this class keeps the meetup rules: a remote person's answer goes through the same
 * decision as a member's (capacity, waiting list, approval, under the date's lock), and a cancelled or past
 * date takes no answers. Expected outcomes are returned, never thrown, so the inbox's transaction stays usable
 * for the reply that tells the remote server.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FederatedMeetupDoor {
    @Inject
    MeetupRepository repository;

    @Inject
    MeetupService service;

    @Inject
    Event<MeetupEvent> events;

    @Inject
    Clock clock;

    /** A date together with its meetup. */
    public record Date(Meetup meetup, Occurrence occurrence) {
        /** Still scheduled, and not over: answers are taken. */
        public boolean open(Instant now) {
            return meetup.status() == Meetup.Status.SCHEDULED && !occurrence.cancelled() && occurrence.endsAt().isAfter(now);
        }
    }

    /** What became of a remote person's {@code Join}. */
    public sealed interface JoinOutcome {
    }

    /**
     * Taken: {@link RsvpStatus#GOING} has a place; {@link RsvpStatus#WAITING} is in the waiting list and
     * {@link RsvpStatus#REQUESTED} waits for the organiser's approval (both answered later, when a place is given).
     */
    public record Answered(RsvpStatus status) implements JoinOutcome {
    }

    /** Refused: the date is cancelled or over. */
    public record Closed(String reason) implements JoinOutcome {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Date> date(OccurrenceId id) {
        return repository.occurrence(id).flatMap(o -> repository.meetup(o.community(), o.meetup()).map(m -> new Date(m, o)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Meetup> meetup(CommunityId community, MeetupId id) {
        return repository.meetup(community, id);
    }

    /** The meetups whose discussion thread this is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Meetup> discussedIn(CommunityId community, UUID thread) {
        return repository.discussedIn(community, thread);
    }

    /** A meetup's dates still to come that are not cancelled, soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Occurrence> coming(Meetup meetup) {
        return repository.occurrencesOf(meetup.id(), clock.instant(), Integer.MAX_VALUE).stream()
                .filter(o -> !o.cancelled()).toList();
    }

    /** How many have a place, remote people included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long going(OccurrenceId occurrence) {
        return repository.count(occurrence, RsvpStatus.GOING);
    }

    /** Where someone's answer stands, if they gave one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RsvpStatus> answerOf(OccurrenceId occurrence, MemberId member) {
        return repository.rsvp(occurrence, member).map(Rsvp::status);
    }

    // ---- people from elsewhere answering our shared dates ----

    /**
     * A remote person (their REMOTE membership) wants to go. Decided like a member's "going": a place while
     * there is room, else the waiting list, or a request where the organiser approves. Answering again keeps
     * the place or the turn they have. Their pseudonym is never shown to members (a count only).
     */
    public JoinOutcome join(Date date, MemberId remote) {
        Occurrence o = repository.lock(date.occurrence());
        Optional<String> closed = closedReason(date);
        if (closed.isPresent()) {
            return new Closed(closed.get());
        }
        Rsvp rsvp = service.answerLocked(date.meetup(), o, remote, date.meetup().approvalRequired(), Answer.GOING, null);
        return new Answered(rsvp.status());
    }

    /**
     * A remote person takes their answer back. Nothing happens when they had none (a repeated Leave) or the
     * date is closed; a place they leave goes to the first in the waiting list.
     *
     * @return whether anything changed
     */
    public boolean leave(Date date, MemberId remote) {
        Occurrence o = repository.lock(date.occurrence());
        Optional<Rsvp> rsvp = repository.rsvp(o.id(), remote);
        if (rsvp.isEmpty() || rsvp.get().status() == RsvpStatus.NOT_GOING || closedReason(date).isPresent()) {
            return false;
        }
        service.answerLocked(date.meetup(), o, remote, false, Answer.NOT_GOING, null);
        return true;
    }

    private Optional<String> closedReason(Date date) {
        Instant now = clock.instant();
        if (date.meetup().status() == Meetup.Status.CANCELLED || date.occurrence().cancelled()) {
            return Optional.of("This meetup was cancelled.");
        }
        if (!date.occurrence().endsAt().isAfter(now)) {
            return Optional.of("This meetup is over.");
        }
        return Optional.empty();
    }

    // ---- copies of meetups that communities we follow announce ----

    /**
     * A one-off meetup, organised by the announcing community's REMOTE membership, standing for one remote
     * Event. It has no discussion thread, so it never federates from here. Its capacity and approval stay with
     * its origin (none here): members' answers go there as Join and Leave.
     *
     * @return empty when the times cannot be a meetup here (already started, longer than a meetup may be)
     */
    public Optional<Meetup> copy(CommunityId community, ZoneId zone, MemberId organiser, MeetupDetails details, Instant start,
                                 Instant end) {
        Instant now = clock.instant();
        if (!acceptableTimes(start, end, now)) {
            return Optional.empty();
        }
        Meetup meetup = new Meetup(community, organiser, details, zone, start, end, null, now);
        repository.persist(meetup);
        for (Occurrence o : meetup.materialise(start)) {
            repository.persist(o);
            events.fire(new MeetupEvent.Scheduled(community, meetup.id(), o.id()));
        }
        return Optional.of(meetup);
    }

    /**
     * The origin changed its Event: new words, place or time for the copy. A cancelled or past copy stays as
     * it is; a new time that cannot be a meetup here (in the past) leaves the time as it was. Everyone who
     * answered is told of a new time, as for a local meetup.
     */
    public void revise(Meetup copy, MeetupDetails details, Instant start, Instant end) {
        Instant now = clock.instant();
        if (copy.status() == Meetup.Status.CANCELLED) {
            return;
        }
        copy.describe(details);
        for (Occurrence o : repository.occurrencesOf(copy.id(), now, Integer.MAX_VALUE)) {
            repository.lock(o);
            if (o.cancelled()) {
                continue;
            }
            boolean moved = !o.startsAt().equals(start) || !o.endsAt().equals(end);
            if (moved && acceptableTimes(start, end, now)) {
                repository.forgetReminders(o.id());
                o.moveTo(start, end, now);
                events.fire(new MeetupEvent.TimeChanged(copy.community(), copy.id(), o.id(), copy.organiser(),
                        start.atZone(copy.timeZone()).toLocalDateTime().toString(), answered(o)));
            } else {
                events.fire(new MeetupEvent.DetailsChanged(copy.community(), copy.id(), o.id()));
            }
        }
    }

    /** The origin deleted (or cancelled) its Event: the copy is cancelled, and everyone who answered is told. */
    public void cancelCopy(Meetup copy, String reason) {
        if (copy.status() == Meetup.Status.CANCELLED) {
            return;
        }
        repository.lock(copy);
        copy.cancel();
        Instant now = clock.instant();
        for (Occurrence o : repository.occurrencesOf(copy.id(), now, Integer.MAX_VALUE)) {
            repository.lock(o);
            if (!o.cancelled()) {
                o.cancel(now);
                events.fire(new MeetupEvent.Cancelled(copy.community(), copy.id(), o.id(), copy.organiser(), reason, answered(o)));
            }
        }
    }

    private List<MemberId> answered(Occurrence o) {
        return repository.rsvps(o.id()).stream().map(Rsvp::member).toList();
    }

    /** The checks of {@link Meetup#checkTimes}, as a question rather than a refusal. */
    static boolean acceptableTimes(Instant start, Instant end, Instant now) {
        return start != null && end != null && start.isAfter(now) && end.isAfter(start)
                && java.time.Duration.between(start, end).compareTo(Meetup.MAX_DURATION) <= 0
                && java.time.Duration.between(start, end).toMinutes() >= 1;
    }
}
