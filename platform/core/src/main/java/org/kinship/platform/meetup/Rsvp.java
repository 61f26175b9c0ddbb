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
import org.kinship.platform.community.MemberId;

/**
 * A member's answer about one date. Whether their pseudonym is shown to other members is their own
 * choice, off by default: others see a count.
 */
@Entity
@Table(name = "meetup_rsvp")
public class Rsvp {
    @Id
    private UUID id;

    @Column(name = "occurrence_id", nullable = false, updatable = false)
    private UUID occurrenceId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RsvpStatus status;

    @Column(name = "queue_seq")
    private Long queueSeq;

    @Column(name = "show_pseudonym", nullable = false)
    private boolean showPseudonym;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    /** Set by the reminder run's conditional update (see MeetupReminders); never by this class. */
    @Column(name = "reminded_day_at", insertable = false, updatable = false)
    private Instant remindedDayAt;

    @Column(name = "reminded_soon_at", insertable = false, updatable = false)
    private Instant remindedSoonAt;

    @Version
    private long version;

    protected Rsvp() {
    }

    Rsvp(Occurrence occurrence, MemberId member, Instant now) {
        this.id = UUID.randomUUID();
        this.occurrenceId = occurrence.id().value();
        this.memberId = member.value();
        this.status = RsvpStatus.NOT_GOING;
        this.answeredAt = Objects.requireNonNull(now);
    }

    /** Moves the answer to {@code next}; a new place in a queue comes from the occurrence (under its lock). */
    void answer(RsvpStatus next, Occurrence lockedOccurrence, Instant now) {
        boolean queued = next == RsvpStatus.WAITING || next == RsvpStatus.REQUESTED;
        if (queued && status != next) {
            queueSeq = lockedOccurrence.nextQueueSeq();
        } else if (!queued) {
            queueSeq = null;
        }
        if (status != next) {
            answeredAt = now;
        }
        status = next;
    }

    void show(boolean show) {
        this.showPseudonym = show;
    }

    public UUID id() {
        return id;
    }

    public OccurrenceId occurrence() {
        return new OccurrenceId(occurrenceId);
    }

    public MemberId member() {
        return new MemberId(memberId);
    }

    public RsvpStatus status() {
        return status;
    }

    public Long queueSeq() {
        return queueSeq;
    }

    public boolean showPseudonym() {
        return showPseudonym;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
