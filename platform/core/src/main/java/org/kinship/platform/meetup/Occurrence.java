package org.kinship.platform.meetup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * One date of a meetup, with its own RSVPs and waiting list. Its row is the lock that serialises
 * answers to it: whoever holds it counts who is going and decides going or waiting, so the capacity
 * is never exceeded however many people answer at once.
 */
@Entity
@Table(name = "meetup_occurrence")
public class Occurrence {
    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    @Id
    private UUID id;

    @Column(name = "meetup_id", nullable = false, updatable = false)
    private UUID meetupId;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "rule_start", nullable = false, updatable = false)
    private Instant ruleStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "last_queue_seq", nullable = false)
    private long lastQueueSeq;

    @Version
    private long version;

    protected Occurrence() {
    }

    Occurrence(Meetup meetup, Instant start, Instant end) {
        this.id = UUID.randomUUID();
        this.meetupId = meetup.id().value();
        this.communityId = meetup.community().value();
        this.startsAt = Objects.requireNonNull(start);
        this.endsAt = Objects.requireNonNull(end);
        this.ruleStart = start;
        this.status = Status.SCHEDULED;
    }

    /** Answers are taken while the date is scheduled and has not ended. */
    public void checkOpen(Instant now) {
        if (status == Status.CANCELLED) {
            throw new KinshipException(ErrorCode.MEETUP_CANCELLED, "This meetup was cancelled.");
        }
        if (!endsAt.isAfter(now)) {
            throw new KinshipException(ErrorCode.MEETUP_OVER, "This meetup is over.");
        }
    }

    /** The next place in the waiting list; call only while holding this row's lock. */
    long nextQueueSeq() {
        return ++lastQueueSeq;
    }

    public void cancel(Instant now) {
        checkOpen(now);
        status = Status.CANCELLED;
    }

    /** A new time for this date only. */
    public void moveTo(Instant start, Instant end, Instant now) {
        checkOpen(now);
        Meetup.checkTimes(start, end, now);
        this.startsAt = start;
        this.endsAt = end;
    }

    public OccurrenceId id() {
        return new OccurrenceId(id);
    }

    public MeetupId meetup() {
        return new MeetupId(meetupId);
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Status status() {
        return status;
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }
}
