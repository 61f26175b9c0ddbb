package org.kinship.platform.meetup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.forum.ForumRepository;
import org.kinship.platform.forum.ForumService;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Visibility;
import org.kinship.platform.persistence.UniqueViolation;

/**
 * The meetups' use cases. Each runs in one transaction and checks everything before it writes, so a
 * refused request changes nothing. Everything about one date is decided under that date's row lock
 * ({@link MeetupRepository#lock(Occurrence)}): answers, promotions from the waiting list, moves and
 * cancellations, so that concurrent answers can never overbook it.
 */
@ApplicationScoped
@Transactional
public class MeetupService {
    /** Dates listed at most per request. */
    public static final int LIST_LIMIT = 200;
    public static final int MAX_MESSAGE = 500;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess access;

    @Inject
    MeetupRepository repository;

    @Inject
    ForumService forum;

    @Inject
    ForumRepository forumRepository;

    @Inject
    java.time.Clock clock;

    @Inject
    Event<MeetupEvent> events;

    // ---- settings ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean membersMayOrganise(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        access.requireMember(caller, community);
        return community.membersOrganiseMeetups();
    }

    public boolean letMembersOrganise(Caller caller, String slug, boolean allowed) {
        Community community = communities.requireBySlug(slug);
        access.requireAdmin(caller, community);
        community.letMembersOrganiseMeetups(allowed);
        return allowed;
    }

    // ---- organising ----

    /**
     * A new meetup. Times are local to the community's zone ("2026-12-03T18:00") or carry an offset.
     * {@code categoryId} starts its discussion thread in that forum category; {@code threadId} links
     * an existing community thread instead; neither leaves it without one.
     */
    public record NewMeetup(MeetupDetails details, String start, String end, String recurrence, UUID categoryId,
                            UUID threadId) {
    }

    public Meetup create(Caller caller, String slug, NewMeetup request) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        if (!me.role().canModerate() && !community.membersOrganiseMeetups()) {
            throw new KinshipException(ErrorCode.CANNOT_ORGANISE, "In " + community.name()
                    + " meetups are organised by the moderators. Ask one of them, or the admins to open it to members.");
        }
        if (request.details() == null) {
            throw new KinshipException(ErrorCode.MALFORMED_REQUEST, "A meetup needs a title and a place.");
        }
        ZoneId zone = community.timeZone();
        Instant now = clock.instant();
        Instant start = time("start", request.start(), zone);
        Instant end = time("end", request.end(), zone);
        Meetup.checkTimes(start, end, now);
        Recurrence recurrence = request.recurrence() == null || request.recurrence().isBlank() ? null
                : Recurrence.of(request.recurrence(), LocalDateTime.ofInstant(start, zone));
        if (request.categoryId() != null && request.threadId() != null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Start a new thread or link an existing one, not both.");
        }
        UUID thread = null;
        if (request.threadId() != null) {
            ForumThread linked = forumRepository.thread(community.id(), request.threadId())
                    .filter(t -> t.visibility() == Visibility.COMMUNITY)
                    .orElseThrow(() -> new KinshipException(ErrorCode.THREAD_NOT_FOUND, "No such thread in " + community.name() + "."));
            thread = linked.id();
        }
        Meetup meetup = new Meetup(community.id(), me.id(), request.details(), zone, start, end, recurrence, now);
        if (request.categoryId() != null) {
            // The forum's own use case: its rules (category closed, muted member, crisis words) apply as to any thread.
            thread = forum.startThread(caller, slug, new ForumService.NewThread(request.categoryId(),
                    meetup.title(), threadBody(meetup, community), null, null)).thread().id();
        }
        meetup.linkThread(thread);
        repository.persist(meetup);
        for (Occurrence o : meetup.materialise(horizon(now, start))) {
            repository.persist(o);
            events.fire(new MeetupEvent.Scheduled(community.id(), meetup.id(), o.id()));
        }
        return meetup;
    }

    private static Instant horizon(Instant now, Instant start) {
        Instant h = now.plus(Meetup.HORIZON);
        return start.isAfter(h) ? start : h;
    }

    private static String threadBody(Meetup meetup, Community community) {
        MeetupDetails d = meetup.details();
        ZonedDateTime start = meetup.firstStart();
        StringBuilder body = new StringBuilder();
        body.append("**").append(start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)))
                .append("** (").append(community.timeZone().getId()).append(")");
        meetup.recurrence().ifPresent(r -> body.append(", repeating: `").append(r).append('`'));
        body.append("\n\n");
        if (d.address() != null) {
            body.append(d.address()).append("\n\n");
        }
        if (d.description() != null) {
            body.append(d.description()).append("\n\n");
        }
        body.append("Talk about the meetup here.");
        return body.toString();
    }

    /** A time as typed: local to {@code zone}, or with an offset. */
    static Instant time(String what, String typed, ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "The " + what + " is required, e.g. 2026-12-03T18:00.");
        }
        String text = typed.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            // no offset: local time in the community's zone
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(text), zone).toInstant();
        } catch (DateTimeException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "The " + what
                    + " must be a date and time such as 2026-12-03T18:00.");
        }
    }

    /**
     * New words, place, capacity or approval for every date. The capacity may not fall below the number
     * already going to any date still to come; a larger one gives places to the waiting lists at once.
     */
    public Meetup update(Caller caller, String slug, MeetupId id, MeetupDetails details) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        requireManager(me, meetup);
        requireOwnMeetup(meetup);
        meetup.checkScheduled();
        if (details == null) {
            throw new KinshipException(ErrorCode.MALFORMED_REQUEST, "A meetup needs a title and a place.");
        }
        Instant now = clock.instant();
        List<Occurrence> coming = repository.occurrencesOf(meetup.id(), now, Integer.MAX_VALUE);
        for (Occurrence o : coming) {
            repository.lock(o);
        }
        if (details.capacity() != null) {
            for (Occurrence o : coming) {
                long going = repository.count(o.id(), RsvpStatus.GOING);
                if (going > details.capacity()) {
                    throw new KinshipException(ErrorCode.CAPACITY_BELOW_GOING, going + " people are already going to "
                            + o.startsAt().atZone(meetup.timeZone()).toLocalDate() + ": the capacity cannot be less than that.");
                }
            }
        }
        meetup.describe(details);
        for (Occurrence o : coming) {
            if (!o.cancelled()) {
                promote(meetup, o);
                events.fire(new MeetupEvent.DetailsChanged(community.id(), meetup.id(), o.id()));
            }
        }
        return meetup;
    }

    /** Cancels the whole meetup: every date still to come. Everyone who answered is told. */
    public void cancel(Caller caller, String slug, MeetupId id, String reason) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        requireManager(me, meetup);
        String why = Text.optional("reason", reason, MAX_MESSAGE);
        repository.lock(meetup);
        meetup.cancel();
        Instant now = clock.instant();
        for (Occurrence o : repository.occurrencesOf(meetup.id(), now, Integer.MAX_VALUE)) {
            repository.lock(o);
            if (!o.cancelled()) {
                o.cancel(now);
                events.fire(new MeetupEvent.Cancelled(community.id(), meetup.id(), o.id(), me.id(), why, answered(o)));
            }
        }
    }

    /** Cancels one date; the others stay. */
    public Occurrence cancelOccurrence(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, String reason) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        requireManager(me, meetup);
        String why = Text.optional("reason", reason, MAX_MESSAGE);
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        o.cancel(clock.instant());
        events.fire(new MeetupEvent.Cancelled(community.id(), meetup.id(), o.id(), me.id(), why, answered(o)));
        return o;
    }

    /** Moves one date; everyone who answered is told (their answers stay). */
    public Occurrence move(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, String start, String end) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        requireManager(me, meetup);
        requireOwnMeetup(meetup);
        meetup.checkScheduled();
        Instant newStart = time("start", start, meetup.timeZone());
        Instant newEnd = time("end", end, meetup.timeZone());
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        Instant oldStart = o.startsAt();
        o.moveTo(newStart, newEnd, clock.instant());
        if (!oldStart.equals(newStart) || !o.endsAt().equals(newEnd)) {
            // The reminders are for the old time: clear them so the new time is reminded of.
            repository.forgetReminders(o.id());
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
            String detail = oldStart.atZone(meetup.timeZone()).format(f) + " → " + newStart.atZone(meetup.timeZone()).format(f)
                    + " (" + meetup.timeZone().getId() + ")";
            events.fire(new MeetupEvent.TimeChanged(community.id(), meetup.id(), o.id(), me.id(), detail, answered(o)));
        }
        return o;
    }

    /** The organiser writes to everyone who is going, waiting, asking or maybe coming. */
    public int message(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, String text) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        requireManager(me, meetup);
        String body = Text.required(ErrorCode.BODY_INVALID, "message", text, MAX_MESSAGE);
        Occurrence o = requireOccurrence(meetup, occurrenceId);
        o.checkOpen(clock.instant());
        List<MemberId> told = repository.rsvps(o.id()).stream()
                .filter(r -> r.status() != RsvpStatus.NOT_GOING && !r.member().equals(me.id()))
                .map(Rsvp::member).toList();
        events.fire(new MeetupEvent.OrganiserMessage(community.id(), meetup.id(), o.id(), me.id(), body, told));
        return told.size();
    }

    private List<MemberId> answered(Occurrence o) {
        return repository.rsvps(o.id()).stream().map(Rsvp::member).toList();
    }

    // ---- answering ----

    /**
     * A member's answer about a date. Under the date's lock: GOING becomes going while there is room,
     * else the end of the waiting list (or a request, where the organiser approves); leaving a place
     * gives it to the first in the waiting list, who is told.
     */
    public Rsvp answer(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, Answer answer, Boolean showPseudonym) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        Objects.requireNonNull(answer, "answer");
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        boolean needsApproval = meetup.approvalRequired() && !meetup.isOrganiser(me.id()) && !me.role().canModerate();
        return answerLocked(meetup, o, me.id(), needsApproval, answer, showPseudonym);
    }

    /**
     * The rules of one answer, for a member here and for a remote person alike ({@link FederatedMeetupDoor}).
     * Call holding the date's lock.
     */
    Rsvp answerLocked(Meetup meetup, Occurrence o, MemberId member, boolean needsApproval, Answer answer, Boolean showPseudonym) {
        Instant now = clock.instant();
        meetup.checkScheduled();
        o.checkOpen(now);
        Rsvp rsvp = repository.rsvp(o.id(), member).orElse(null);
        RsvpStatus before = rsvp == null ? null : rsvp.status();
        long goingOthers = repository.count(o.id(), RsvpStatus.GOING) - (before == RsvpStatus.GOING ? 1 : 0);
        RsvpStatus next = Attendance.decide(answer, before, meetup.capacity().orElse(null), goingOthers, needsApproval);
        if (rsvp == null) {
            rsvp = new Rsvp(o, member, now);
            repository.persist(rsvp);
        }
        rsvp.answer(next, o, now);
        if (showPseudonym != null) {
            rsvp.show(showPseudonym);
        }
        if (!next.wantsPlace()) {
            repository.companyRequestOf(o.id(), member).filter(r -> r.status() == CompanyRequest.Status.OPEN)
                    .ifPresent(CompanyRequest::withdraw);
        }
        if (before != next) {
            events.fire(new MeetupEvent.Answered(meetup.community(), meetup.id(), o.id(), member, before, next));
        }
        if (before == RsvpStatus.GOING && next != RsvpStatus.GOING) {
            repository.flush();
            promote(meetup, o);
        }
        return rsvp;
    }

    /** Fills free places from the waiting list, first come first served. Call under the date's lock. */
    private void promote(Meetup meetup, Occurrence o) {
        repository.flush();
        long going = repository.count(o.id(), RsvpStatus.GOING);
        long waiting = repository.count(o.id(), RsvpStatus.WAITING);
        long places = Attendance.promotions(meetup.capacity().orElse(null), going, waiting);
        Instant now = clock.instant();
        for (long i = 0; i < places; i++) {
            Optional<Rsvp> first = repository.firstWaiting(o.id());
            if (first.isEmpty()) {
                return;
            }
            first.get().answer(RsvpStatus.GOING, o, now);
            repository.flush();
            events.fire(new MeetupEvent.PlaceGiven(meetup.community(), meetup.id(), o.id(), first.get().member(), true));
        }
    }

    /** The organiser lets a member in who asked for a place: going if there is room, else waiting. */
    public Rsvp approve(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, MemberId member, boolean approve) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        requireManager(me, meetup);
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        Instant now = clock.instant();
        o.checkOpen(now);
        Rsvp rsvp = repository.rsvp(o.id(), member).filter(r -> r.status() == RsvpStatus.REQUESTED)
                .orElseThrow(() -> new KinshipException(ErrorCode.NOT_PENDING, "This member is not asking for a place."));
        if (!approve) {
            rsvp.answer(RsvpStatus.NOT_GOING, o, now);
            events.fire(new MeetupEvent.RequestDeclined(community.id(), meetup.id(), o.id(), member, me.id()));
            return rsvp;
        }
        boolean room = Attendance.hasRoom(meetup.capacity().orElse(null), repository.count(o.id(), RsvpStatus.GOING))
                && repository.count(o.id(), RsvpStatus.WAITING) == 0;
        rsvp.answer(room ? RsvpStatus.GOING : RsvpStatus.WAITING, o, now);
        if (room) {
            events.fire(new MeetupEvent.PlaceGiven(community.id(), meetup.id(), o.id(), member, false));
        }
        return rsvp;
    }

    // ---- reading ----

    /** A date in a list: its meetup, how many are going, and my answer (or null). */
    public record DateSummary(Meetup meetup, Occurrence occurrence, long going, Rsvp mine) {
    }

    /** The community's dates from {@code from} (default now) to {@code to} (default 90 days later). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DateSummary> dates(Caller caller, String slug, Instant from, Instant to) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(90, ChronoUnit.DAYS) : to;
        if (!end.isAfter(start)) {
            throw new KinshipException(ErrorCode.END_BEFORE_START, "'to' must be after 'from'.");
        }
        return summaries(me, repository.occurrences(community.id(), start, end, LIST_LIMIT));
    }

    private List<DateSummary> summaries(Membership me, List<Occurrence> dates) {
        Set<UUID> meetupIds = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        dates.forEach(o -> {
            meetupIds.add(o.meetup().value());
            ids.add(o.id().value());
        });
        Map<UUID, Meetup> meetups = repository.meetups(meetupIds);
        Map<UUID, Long> going = repository.goingCounts(ids);
        Map<UUID, Rsvp> mine = me == null ? Map.of() : repository.rsvpsOf(me.id(), ids);
        List<DateSummary> out = new ArrayList<>();
        for (Occurrence o : dates) {
            out.add(new DateSummary(meetups.get(o.meetup().value()), o, going.getOrDefault(o.id().value(), 0L),
                    mine.get(o.id().value())));
        }
        return out;
    }

    /** A meetup with its coming dates, for its page. */
    public record MeetupPage(Meetup meetup, String organiser, boolean canManage, List<DateSummary> dates) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetupPage meetup(Caller caller, String slug, MeetupId id) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        List<Occurrence> coming = repository.occurrencesOf(meetup.id(), clock.instant(), 24);
        return new MeetupPage(meetup, pseudonym(meetup.organiser()), canManage(me, meetup), summaries(me, coming));
    }

    /** Someone as others may see them in a list of attendees. */
    public record Attendee(MemberId member, String pseudonym, RsvpStatus status, Long queueSeq) {
    }

    /**
     * One date as the caller may see it. Members see counts and the pseudonyms of those going who chose
     * to show them; the organiser and the moderators see everyone who answered (they approve, write to
     * them, and keep the meetup safe).
     */
    public record DatePage(Meetup meetup, Occurrence occurrence, boolean canManage, long going, long waiting, long maybe,
                           long requested, List<Attendee> attendees, Rsvp mine, Integer myWaitingPosition) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DatePage date(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        Occurrence o = requireOccurrence(meetup, occurrenceId);
        boolean manager = canManage(me, meetup);
        List<Rsvp> all = repository.rsvps(o.id());
        long going = all.stream().filter(r -> r.status() == RsvpStatus.GOING).count();
        long waiting = all.stream().filter(r -> r.status() == RsvpStatus.WAITING).count();
        long maybe = all.stream().filter(r -> r.status() == RsvpStatus.MAYBE).count();
        long requested = all.stream().filter(r -> r.status() == RsvpStatus.REQUESTED).count();
        List<Rsvp> shown = all.stream()
                .filter(r -> manager ? r.status() != RsvpStatus.NOT_GOING
                        : r.status() == RsvpStatus.GOING && (r.showPseudonym() || r.member().equals(me.id())))
                .sorted(java.util.Comparator.comparing(Rsvp::status)
                        .thenComparing(r -> r.queueSeq() == null ? 0L : r.queueSeq())
                        .thenComparing(Rsvp::answeredAt))
                .toList();
        Set<UUID> ids = new HashSet<>();
        shown.forEach(r -> ids.add(r.member().value()));
        Map<UUID, String> names = communities.pseudonyms(ids);
        List<Attendee> attendees = shown.stream()
                .map(r -> new Attendee(r.member(), names.get(r.member().value()), r.status(), r.queueSeq())).toList();
        Rsvp mine = all.stream().filter(r -> r.member().equals(me.id())).findFirst().orElse(null);
        Integer position = null;
        if (mine != null && mine.status() == RsvpStatus.WAITING) {
            position = (int) all.stream().filter(r -> r.status() == RsvpStatus.WAITING && r.queueSeq() <= mine.queueSeq()).count();
        }
        return new DatePage(meetup, o, manager, going, waiting, maybe, requested, attendees, mine, position);
    }

    // ---- going together ----

    /** A request for company as the caller sees it: offers are listed for its asker only. */
    public record Company(CompanyRequest request, String asker, boolean mine, String companion, boolean offeredByMe,
                          List<String> offers, List<UUID> offerIds) {
    }

    /**
     * The requests for company about a date, visible to those who are going (or maybe going) and the
     * organiser: the people who could go together. Everyone else learns nothing of them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Company> company(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        Occurrence o = requireOccurrence(meetup, occurrenceId);
        requireAttending(me, meetup, o);
        List<Company> out = new ArrayList<>();
        for (CompanyRequest r : repository.companyRequests(o.id())) {
            boolean mineRequest = r.member().equals(me.id());
            boolean involved = mineRequest || me.id().equals(r.companion());
            if (r.status() == CompanyRequest.Status.MATCHED && !involved) {
                continue; // settled between two people; nobody else's business
            }
            List<CompanyOffer> offers = repository.offers(r.id());
            Set<UUID> ids = new HashSet<>();
            ids.add(r.member().value());
            if (r.companion() != null) {
                ids.add(r.companion().value());
            }
            if (mineRequest) {
                offers.forEach(x -> ids.add(x.member().value()));
            }
            Map<UUID, String> names = communities.pseudonyms(ids);
            out.add(new Company(r, names.get(r.member().value()), mineRequest,
                    r.companion() == null ? null : names.get(r.companion().value()),
                    offers.stream().anyMatch(x -> x.member().equals(me.id())),
                    mineRequest ? offers.stream().map(x -> names.get(x.member().value())).toList() : List.of(),
                    mineRequest ? offers.stream().map(CompanyOffer::id).toList() : List.of()));
        }
        return out;
    }

    /** "I'd like company to get there." */
    public CompanyRequest askForCompany(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, String note) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        Instant now = clock.instant();
        o.checkOpen(now);
        requireAnswered(me, o);
        Optional<CompanyRequest> existing = repository.companyRequestOf(o.id(), me.id());
        if (existing.isPresent()) {
            existing.get().reopen(note, now);
            return existing.get();
        }
        CompanyRequest request = new CompanyRequest(o.id(), me.id(), note, now);
        repository.persist(request);
        return request;
    }

    public void withdrawCompany(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        repository.companyRequestOf(o.id(), me.id()).ifPresent(CompanyRequest::withdraw);
    }

    /** "I'm going too; we could go together." The asker is told and decides. */
    public void offerCompany(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, UUID requestId) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        Instant now = clock.instant();
        o.checkOpen(now);
        requireAnswered(me, o);
        CompanyRequest request = requireOpenRequest(o, requestId);
        if (request.member().equals(me.id())) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "This is your own request for company.");
        }
        if (repository.offer(request.id(), me.id()).isPresent()) {
            return; // offered already: a second click changes nothing and tells nobody twice
        }
        repository.persist(new CompanyOffer(request, me.id(), now));
        events.fire(new MeetupEvent.CompanyOffered(community.id(), meetup.id(), o.id(), request.member(), me.id()));
    }

    /** The asker accepts one offer: both are told, and may write to each other directly. */
    public CompanyRequest acceptCompany(Caller caller, String slug, MeetupId id, OccurrenceId occurrenceId, UUID offerId) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Meetup meetup = requireMeetup(community, id);
        Occurrence o = repository.lock(requireOccurrence(meetup, occurrenceId));
        o.checkOpen(clock.instant());
        CompanyRequest request = repository.companyRequestOf(o.id(), me.id())
                .orElseThrow(() -> new KinshipException(ErrorCode.COMPANY_REQUEST_NOT_FOUND, "You have not asked for company."));
        CompanyOffer offer = repository.offers(request.id()).stream().filter(x -> x.id().equals(offerId)).findFirst()
                .orElseThrow(() -> new KinshipException(ErrorCode.COMPANY_REQUEST_NOT_FOUND, "No such offer."));
        Membership companion = communities.member(community.id(), offer.member()).filter(Membership::isActive)
                .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "That member has left the community."));
        request.match(companion.id());
        events.fire(new MeetupEvent.CompanyMatched(community.id(), meetup.id(), o.id(), me.id(), companion.id()));
        return request;
    }

    private CompanyRequest requireOpenRequest(Occurrence o, UUID requestId) {
        CompanyRequest request = repository.companyRequest(o.id(), requestId)
                .filter(r -> r.status() != CompanyRequest.Status.WITHDRAWN)
                .orElseThrow(() -> new KinshipException(ErrorCode.COMPANY_REQUEST_NOT_FOUND, "No such request for company."));
        if (request.status() != CompanyRequest.Status.OPEN) {
            throw new KinshipException(ErrorCode.COMPANY_REQUEST_CLOSED, "This request for company is no longer open.");
        }
        return request;
    }

    private void requireAnswered(Membership me, Occurrence o) {
        RsvpStatus status = repository.rsvp(o.id(), me.id()).map(Rsvp::status).orElse(RsvpStatus.NOT_GOING);
        if (status == RsvpStatus.NOT_GOING) {
            throw new KinshipException(ErrorCode.NOT_ATTENDING, "Answer that you are going (or maybe going) first.");
        }
    }

    private void requireAttending(Membership me, Meetup meetup, Occurrence o) {
        if (canManage(me, meetup)) {
            return;
        }
        requireAnswered(me, o);
    }

    // ---- calendar feeds ----

    /** A member's calendar feed address is made anew: the old one stops working. Returns the secret. */
    public String regenerateFeed(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Instant now = clock.instant();
        FeedToken token = repository.feedToken(me.id()).orElse(null);
        boolean created = token == null;
        if (created) {
            token = new FeedToken(me.id(), now);
        }
        String secret = token.regenerate(now);
        if (created) {
            repository.persist(token);
        }
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "uq_feed_member")) {
                throw new KinshipException(ErrorCode.CONCURRENT_UPDATE, "The feed was renewed at the same moment elsewhere. Try again.");
            }
            throw e;
        }
        return secret;
    }

    /** What a calendar feed holds: the community, and each date with its meetup. */
    public record Feed(Community community, List<DateSummary> dates) {
    }

    /** The community's feed, for members: every date from 30 days ago to the horizon. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Feed communityFeed(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        Instant now = clock.instant();
        return new Feed(community, summaries(me, repository.occurrences(community.id(), now.minus(30, ChronoUnit.DAYS),
                now.plus(Meetup.HORIZON).plus(1, ChronoUnit.DAYS), 1000)));
    }

    /** A member's private feed by its secret: the dates they are going to (or waiting for). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Feed privateFeed(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) {
            throw feedNotFound();
        }
        FeedToken token = repository.feedTokenByHash(FeedToken.hash(secret)).orElseThrow(MeetupService::feedNotFound);
        Membership me = repository.membership(token.member()).filter(Membership::isActive)
                .orElseThrow(MeetupService::feedNotFound);
        Community community = communities.find(me.community()).orElseThrow(MeetupService::feedNotFound);
        Instant now = clock.instant();
        return new Feed(community, summaries(me, repository.attending(me.id(), now.minus(30, ChronoUnit.DAYS))));
    }

    private static KinshipException feedNotFound() {
        return new KinshipException(ErrorCode.FEED_NOT_FOUND, "There is no calendar feed at this address (it may have been renewed).");
    }

    // ---- helpers ----

    private Meetup requireMeetup(Community community, MeetupId id) {
        return repository.meetup(community.id(), id).orElseThrow(() ->
                new KinshipException(ErrorCode.MEETUP_NOT_FOUND, "No such meetup in " + community.name() + "."));
    }

    private Occurrence requireOccurrence(Meetup meetup, OccurrenceId id) {
        return repository.occurrence(meetup.id(), id).orElseThrow(() ->
                new KinshipException(ErrorCode.OCCURRENCE_NOT_FOUND, "This meetup has no such date."));
    }

    static boolean canManage(Membership me, Meetup meetup) {
        return meetup.isOrganiser(me.id()) || me.role().canModerate();
    }

    /**
     * A copy of another community's meetup (organised by that community's remote actor) changes only at its
     * origin; here it can only be cancelled, which hides it from this community.
     */
    private void requireOwnMeetup(Meetup meetup) {
        if (repository.membership(meetup.organiser()).map(Membership::isRemote).orElse(false)) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "This meetup comes from another community: it is changed there.");
        }
    }

    private static void requireManager(Membership me, Meetup meetup) {
        if (!canManage(me, meetup)) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only the organiser or a moderator can do this.");
        }
    }

    private String pseudonym(MemberId member) {
        return communities.pseudonyms(Set.of(member.value())).get(member.value());
    }
}
