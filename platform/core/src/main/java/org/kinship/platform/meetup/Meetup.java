package org.kinship.platform.meetup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * A meetup: a one-off café or a series of them. It holds what all its dates share; the dates are
 * {@link Occurrence}s, which this aggregate makes (materialises) a horizon ahead.
 */
@Entity
@Table(name = "meetup")
public class Meetup {
    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    /** Occurrences are made this far ahead; the scheduler extends open-ended series as time passes. */
    public static final Duration HORIZON = Duration.ofDays(180);
    /** At most this many occurrences per extension (a daily series would otherwise make 180 at once). */
    public static final int MAX_MATERIALISED = 60;
    public static final Duration MAX_DURATION = Duration.ofDays(7);

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "organiser_id", nullable = false, updatable = false)
    private UUID organiserId;

    @Column(nullable = false, length = MeetupDetails.MAX_TITLE)
    private String title;

    @Column(length = MeetupDetails.MAX_DESCRIPTION)
    private String description;

    @Column(length = MeetupDetails.MAX_ADDRESS)
    private String address;

    @Column(name = "map_url", length = MeetupDetails.MAX_URL)
    private String mapUrl;

    @Column(name = "online_url", length = MeetupDetails.MAX_URL)
    private String onlineUrl;

    @Column(length = MeetupDetails.MAX_ACCESSIBILITY)
    private String accessibility;

    private Integer capacity;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired;

    @Column(name = "time_zone", nullable = false, length = 64, updatable = false)
    private String timeZone;

    @Column(length = Recurrence.MAX_LENGTH, updatable = false)
    private String recurrence;

    @Column(name = "first_starts_at", nullable = false, updatable = false)
    private Instant firstStartsAt;

    @Column(name = "duration_minutes", nullable = false, updatable = false)
    private int durationMinutes;

    @Column(name = "materialised_until", nullable = false)
    private Instant materialisedUntil;

    @Column(name = "thread_id")
    private UUID threadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Meetup() {
    }

    /**
     * A new meetup starting at {@code start} (a future instant) and lasting until {@code end}, in the
     * community's zone; with a rule, a series whose first date is {@code start}.
     */
    public Meetup(CommunityId community, MemberId organiser, MeetupDetails details, ZoneId zone, Instant start, Instant end,
                  Recurrence recurrence, Instant now) {
        checkTimes(start, end, now);
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.organiserId = organiser.value();
        this.timeZone = zone.getId();
        this.firstStartsAt = start;
        this.durationMinutes = (int) Duration.between(start, end).toMinutes();
        this.recurrence = recurrence == null ? null : recurrence.rule();
        this.materialisedUntil = start.minusSeconds(1);
        this.status = Status.SCHEDULED;
        this.createdAt = now;
        describe(details);
    }

    /** The rules every start and end obey, for a new meetup and for a moved date alike. */
    public static void checkTimes(Instant start, Instant end, Instant now) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new KinshipException(ErrorCode.END_BEFORE_START, "The end must be after the start.");
        }
        if (!start.isAfter(now)) {
            throw new KinshipException(ErrorCode.START_IN_PAST, "The start is in the past: choose a time that is still to come.");
        }
        if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A meetup lasts at most " + MAX_DURATION.toDays() + " days.");
        }
        if (Duration.between(start, end).toMinutes() < 1) {
            throw new KinshipException(ErrorCode.END_BEFORE_START, "A meetup lasts at least a minute.");
        }
    }

    /** New words, place or capacity. The service checks the capacity against who is already going. */
    public void describe(MeetupDetails details) {
        Objects.requireNonNull(details, "details");
        this.title = details.title();
        this.description = details.description();
        this.address = details.address();
        this.mapUrl = details.mapUrl();
        this.onlineUrl = details.onlineUrl();
        this.accessibility = details.accessibility();
        this.capacity = details.capacity();
        this.approvalRequired = details.approvalRequired();
    }

    public void linkThread(UUID thread) {
        this.threadId = thread;
    }

    public void cancel() {
        checkScheduled();
        status = Status.CANCELLED;
    }

    public void checkScheduled() {
        if (status == Status.CANCELLED) {
            throw new KinshipException(ErrorCode.MEETUP_CANCELLED, "This meetup was cancelled.");
        }
    }

    /**
     * The occurrences still to be made up to {@code until}: for a one-off meetup its one date (once),
     * for a series the rule's next dates. Moves {@link #materialisedUntil()} past what it returns.
     */
    public List<Occurrence> materialise(Instant until) {
        List<Occurrence> made = new ArrayList<>();
        if (status == Status.CANCELLED) {
            return made;
        }
        Duration duration = Duration.ofMinutes(durationMinutes);
        if (recurrence == null) {
            // A one-off meetup has its date at once, however far ahead it is.
            if (materialisedUntil.isBefore(firstStartsAt)) {
                made.add(new Occurrence(this, firstStartsAt, firstStartsAt.plus(duration)));
                materialisedUntil = firstStartsAt;
            }
            return made;
        }
        if (!materialisedUntil.isBefore(until)) {
            return made;
        }
        List<Instant> starts = Recurrence.stored(recurrence).starts(firstStart(), materialisedUntil, until, MAX_MATERIALISED);
        for (Instant start : starts) {
            made.add(new Occurrence(this, start, start.plus(duration)));
        }
        materialisedUntil = starts.size() == MAX_MATERIALISED ? starts.get(starts.size() - 1) : until;
        return made;
    }

    public boolean isOrganiser(MemberId member) {
        return organiserId.equals(member.value());
    }

    public MeetupId id() {
        return new MeetupId(id);
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public MemberId organiser() {
        return new MemberId(organiserId);
    }

    public MeetupDetails details() {
        return new MeetupDetails(title, description, address, mapUrl, onlineUrl, accessibility, capacity, approvalRequired);
    }

    public String title() {
        return title;
    }

    public Optional<Integer> capacity() {
        return Optional.ofNullable(capacity);
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Optional<String> recurrence() {
        return Optional.ofNullable(recurrence);
    }

    public ZonedDateTime firstStart() {
        return firstStartsAt.atZone(timeZone());
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Instant materialisedUntil() {
        return materialisedUntil;
    }

    public Optional<UUID> threadId() {
        return Optional.ofNullable(threadId);
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
