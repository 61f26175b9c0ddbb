package org.kinship.platform.meetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kinship.platform.RecordingEvent;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * {@link FederatedMeetupDoor} on an in-memory repository: a remote person's Join is decided by the same rules
 * as a member's answer (capacity, waiting list, approval), a Leave gives the place to the next in line, a
 * closed date refuses without throwing, and copies of remote meetups are made, revised and cancelled with the
 * events the rest of the platform listens to.
 */
class FederatedMeetupDoorTest {
    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final CommunityId TOWN = CommunityId.random();

    private final List<Object> rows = new ArrayList<>();
    private final List<MeetupEvent> fired = new ArrayList<>();
    private final FederatedMeetupDoor door = new FederatedMeetupDoor();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    FederatedMeetupDoorTest() {
        MeetupRepository repository = new MemoryRepository();
        MeetupService service = new MeetupService();
        service.repository = repository;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.events = new RecordingEvent<>(fired);
        door.repository = repository;
        door.service = service;
        door.events = service.events;
        door.clock = service.clock;
    }

    private FederatedMeetupDoor.Date date(Integer capacity, boolean approval) {
        Instant start = NOW.plus(Duration.ofDays(3));
        Meetup meetup = new Meetup(TOWN, MemberId.random(), new MeetupDetails("Café", null, "Storgata 1", null, null, null,
                capacity, approval), OSLO, start, start.plus(Duration.ofHours(2)), null, NOW);
        Occurrence o = meetup.materialise(start).get(0);
        rows.add(meetup);
        rows.add(o);
        return new FederatedMeetupDoor.Date(meetup, o);
    }

    private RsvpStatus status(FederatedMeetupDoor.JoinOutcome outcome) {
        return assertInstanceOf(FederatedMeetupDoor.Answered.class, outcome).status();
    }

    @Test
    void remoteJoinsFillThePlacesThenTheWaitingListAndALeaveGivesThePlaceOn() {
        FederatedMeetupDoor.Date date = date(1, false);
        MemberId first = MemberId.random();
        MemberId second = MemberId.random();

        assertEquals(RsvpStatus.GOING, status(door.join(date, first)));
        assertEquals(RsvpStatus.WAITING, status(door.join(date, second)));
        assertEquals(RsvpStatus.WAITING, status(door.join(date, second)), "a repeated Join keeps the turn");
        assertEquals(1, door.going(date.occurrence().id()));

        assertTrue(door.leave(date, first));
        assertEquals(Optional.of(RsvpStatus.NOT_GOING), door.answerOf(date.occurrence().id(), first));
        assertEquals(Optional.of(RsvpStatus.GOING), door.answerOf(date.occurrence().id(), second));
        assertTrue(fired.stream().anyMatch(e -> e instanceof MeetupEvent.PlaceGiven p && p.member().equals(second)
                && p.fromWaitingList()), fired::toString);
        assertFalse(door.leave(date, first), "a repeated Leave changes nothing");
        assertFalse(door.leave(date, MemberId.random()), "a Leave without an answer changes nothing");
        assertEquals(1, door.going(date.occurrence().id()));
    }

    @Test
    void eachChangeOfAnswerIsAnnouncedWithWhereItStoodBefore() {
        FederatedMeetupDoor.Date date = date(null, false);
        MemberId remote = MemberId.random();
        door.join(date, remote);
        door.join(date, remote);
        door.leave(date, remote);
        List<MeetupEvent.Answered> answers = fired.stream().filter(MeetupEvent.Answered.class::isInstance)
                .map(MeetupEvent.Answered.class::cast).toList();
        assertEquals(2, answers.size(), "the repeated Join changed nothing: " + answers);
        assertEquals(null, answers.get(0).before());
        assertEquals(RsvpStatus.GOING, answers.get(0).after());
        assertEquals(RsvpStatus.GOING, answers.get(1).before());
        assertEquals(RsvpStatus.NOT_GOING, answers.get(1).after());
    }

    @Test
    void aMeetupThatNeedsApprovalKeepsARemoteJoinAsARequest() {
        assertEquals(RsvpStatus.REQUESTED, status(door.join(date(null, true), MemberId.random())));
    }

    @Test
    void aCancelledOrPastDateRefusesAJoinWithoutThrowing() {
        FederatedMeetupDoor.Date cancelled = date(null, false);
        cancelled.occurrence().cancel(NOW);
        assertInstanceOf(FederatedMeetupDoor.Closed.class, door.join(cancelled, MemberId.random()));

        FederatedMeetupDoor.Date past = date(null, false);
        door.clock = Clock.fixed(past.occurrence().endsAt().plusSeconds(1), ZoneOffset.UTC);
        assertInstanceOf(FederatedMeetupDoor.Closed.class, door.join(past, MemberId.random()));
        assertTrue(rows.stream().noneMatch(Rsvp.class::isInstance), "nothing was answered");
    }

    @Test
    void aCopyIsAOneOffMeetupOfItsOriginsOrganiserAndOnlyForTimesAMeetupCanHave() {
        MemberId group = MemberId.random();
        MeetupDetails details = new MeetupDetails("Walk", "Shared by walkers@elsewhere", "The park", null, null, null, null, false);
        Instant start = NOW.plus(Duration.ofDays(2));
        assertTrue(door.copy(TOWN, OSLO, group, details, NOW.minusSeconds(60), NOW.plusSeconds(3600)).isEmpty(), "already begun");
        assertTrue(door.copy(TOWN, OSLO, group, details, start, start.plus(Duration.ofDays(9))).isEmpty(), "too long");
        assertTrue(fired.isEmpty());

        Meetup copy = door.copy(TOWN, OSLO, group, details, start, start.plus(Duration.ofHours(2))).orElseThrow();
        assertEquals(group, copy.organiser());
        assertTrue(copy.threadId().isEmpty(), "no thread: a copy never federates from here");
        List<Occurrence> dates = rows.stream().filter(Occurrence.class::isInstance).map(Occurrence.class::cast).toList();
        assertEquals(1, dates.size());
        assertEquals(start, dates.get(0).startsAt());
        assertEquals(List.of(new MeetupEvent.Scheduled(TOWN, copy.id(), dates.get(0).id())), fired);
    }

    @Test
    void aRevisedCopyMovesItsDateAndACancelledOneTellsEveryoneWhoAnswered() {
        MemberId group = MemberId.random();
        Instant start = NOW.plus(Duration.ofDays(2));
        MeetupDetails details = new MeetupDetails("Walk", null, "The park", null, null, null, null, false);
        Meetup copy = door.copy(TOWN, OSLO, group, details, start, start.plus(Duration.ofHours(2))).orElseThrow();
        Occurrence date = rows.stream().filter(Occurrence.class::isInstance).map(Occurrence.class::cast).findFirst().orElseThrow();
        MemberId member = MemberId.random();
        door.join(new FederatedMeetupDoor.Date(copy, date), member);
        fired.clear();

        MeetupDetails renamed = new MeetupDetails("Long walk", null, "The park", null, null, null, null, false);
        door.revise(copy, renamed, start, start.plus(Duration.ofHours(2)));
        assertEquals("Long walk", copy.title());
        assertInstanceOf(MeetupEvent.DetailsChanged.class, fired.get(0));

        door.revise(copy, renamed, start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(3)));
        assertEquals(start.plus(Duration.ofHours(1)), date.startsAt());
        MeetupEvent.TimeChanged moved = assertInstanceOf(MeetupEvent.TimeChanged.class, fired.get(1));
        assertEquals(List.of(member), moved.told());

        door.revise(copy, renamed, NOW.minusSeconds(10), NOW.plusSeconds(10));
        assertEquals(start.plus(Duration.ofHours(1)), date.startsAt(), "a time in the past is not taken");

        door.cancelCopy(copy, "Cancelled by walkers@elsewhere.");
        assertEquals(Meetup.Status.CANCELLED, copy.status());
        assertTrue(date.cancelled());
        MeetupEvent.Cancelled cancelled = assertInstanceOf(MeetupEvent.Cancelled.class, fired.get(fired.size() - 1));
        assertEquals(List.of(member), cancelled.told());
        assertEquals(group, cancelled.by());
        int before = fired.size();
        door.cancelCopy(copy, "again");
        assertEquals(before, fired.size(), "a second Delete changes nothing");
    }

    /** The repository's queries over the rows this test made. */
    private final class MemoryRepository extends MeetupRepository {
        private <T> List<T> all(Class<T> type) {
            return rows.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public Optional<Meetup> meetup(CommunityId community, MeetupId id) {
            return all(Meetup.class).stream().filter(m -> m.id().equals(id) && m.community().equals(community)).findFirst();
        }

        @Override
        public Optional<Occurrence> occurrence(OccurrenceId id) {
            return all(Occurrence.class).stream().filter(o -> o.id().equals(id)).findFirst();
        }

        @Override
        public Occurrence lock(Occurrence occurrence) {
            return occurrence;
        }

        @Override
        public void lock(Meetup meetup) {
        }

        @Override
        public List<Occurrence> occurrencesOf(MeetupId meetup, Instant endingAfter, int limit) {
            return all(Occurrence.class).stream().filter(o -> o.meetup().equals(meetup) && o.endsAt().isAfter(endingAfter))
                    .sorted(Comparator.comparing(Occurrence::startsAt)).limit(limit).toList();
        }

        @Override
        public Optional<Rsvp> rsvp(OccurrenceId occurrence, MemberId member) {
            return rsvps(occurrence).stream().filter(r -> r.member().equals(member)).findFirst();
        }

        @Override
        public List<Rsvp> rsvps(OccurrenceId occurrence) {
            return all(Rsvp.class).stream().filter(r -> r.occurrence().equals(occurrence)).toList();
        }

        @Override
        public long count(OccurrenceId occurrence, RsvpStatus status) {
            return rsvps(occurrence).stream().filter(r -> r.status() == status).count();
        }

        @Override
        public Optional<Rsvp> firstWaiting(OccurrenceId occurrence) {
            return rsvps(occurrence).stream().filter(r -> r.status() == RsvpStatus.WAITING)
                    .min(Comparator.comparing(Rsvp::queueSeq));
        }

        @Override
        public Optional<CompanyRequest> companyRequestOf(OccurrenceId occurrence, MemberId member) {
            return Optional.empty();
        }

        @Override
        public void forgetReminders(OccurrenceId occurrence) {
        }

        @Override
        public void persist(Object entity) {
            rows.add(entity);
        }

        @Override
        public void flush() {
        }
    }
}
