package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A shared date whose going count changed and whose followers have not yet had the new count (see {@link ParticipantCounts}). */
@Entity
@Table(name = "meetup_count_update")
class PendingCountUpdate {
    @Id
    @Column(name = "occurrence_id")
    private UUID occurrenceId;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    protected PendingCountUpdate() {
    }

    PendingCountUpdate(UUID occurrenceId, Instant dueAt) {
        this.occurrenceId = Objects.requireNonNull(occurrenceId, "occurrenceId");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
    }

    UUID occurrenceId() {
        return occurrenceId;
    }

    Instant dueAt() {
        return dueAt;
    }
}
