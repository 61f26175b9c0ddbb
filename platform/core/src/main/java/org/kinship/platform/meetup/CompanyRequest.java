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
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * "I'd like company to get there": a member's wish for one date. Others who go may offer; the asker
 * accepts one offer, and only then are the two put in touch. Opt-in on both sides.
 */
@Entity
@Table(name = "meetup_company_request")
public class CompanyRequest {
    public enum Status {
        OPEN,
        MATCHED,
        WITHDRAWN
    }

    public static final int MAX_NOTE = 300;

    @Id
    private UUID id;

    @Column(name = "occurrence_id", nullable = false, updatable = false)
    private UUID occurrenceId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(length = MAX_NOTE)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "companion_id")
    private UUID companionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CompanyRequest() {
    }

    CompanyRequest(OccurrenceId occurrence, MemberId member, String note, Instant now) {
        this.id = UUID.randomUUID();
        this.occurrenceId = occurrence.value();
        this.memberId = member.value();
        this.createdAt = Objects.requireNonNull(now);
        reopen(note, now);
    }

    /** Asking again after withdrawing (or with a new note) opens the same request. */
    void reopen(String newNote, Instant now) {
        if (status == Status.MATCHED) {
            throw new KinshipException(ErrorCode.COMPANY_REQUEST_CLOSED, "You already have company for this meetup.");
        }
        this.note = Text.optional("note", newNote, MAX_NOTE);
        this.status = Status.OPEN;
        this.createdAt = now;
    }

    void withdraw() {
        status = Status.WITHDRAWN;
        companionId = null;
    }

    /** The asker accepts the offer of {@code companion}. */
    void match(MemberId companion) {
        if (status != Status.OPEN) {
            throw new KinshipException(ErrorCode.COMPANY_REQUEST_CLOSED, "This request for company is no longer open.");
        }
        status = Status.MATCHED;
        companionId = companion.value();
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

    public String note() {
        return note;
    }

    public Status status() {
        return status;
    }

    public MemberId companion() {
        return companionId == null ? null : new MemberId(companionId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
