package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** One activity on its way to one inbox: its state, attempts and the last failure, for the operator view. */
@Entity
@Table(name = "outbox_delivery")
public class OutboxDelivery {
    public enum State {
        PENDING,
        DELIVERED,
        /** Retried for the whole window (at least 48 h) without success. */
        GAVE_UP,
        /** The peer answered with a client error (4xx) or is gone (410): retrying would not help. */
        REFUSED
    }

    @Id
    private UUID id;

    @Column(name = "activity_id", nullable = false, updatable = false)
    private UUID activityId;

    @Column(nullable = false, length = 255, updatable = false)
    private String host;

    @Column(nullable = false, length = 2048, updatable = false)
    private String inbox;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error", length = 300)
    private String lastError;

    @Version
    private long version;

    protected OutboxDelivery() {
    }

    OutboxDelivery(OutboxActivity activity, URI inbox, Instant now) {
        this.id = UUID.randomUUID();
        this.activityId = activity.id();
        this.host = inbox.getHost();
        this.inbox = inbox.toString();
        this.state = State.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void delivered(Instant now) {
        attempts++;
        state = State.DELIVERED;
        lastAttemptAt = now;
        deliveredAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    void failed(String error, Instant now, Instant next) {
        attempts++;
        lastAttemptAt = now;
        lastError = cut(error);
        nextAttemptAt = next;
        state = next == null ? State.GAVE_UP : State.PENDING;
    }

    /** Not tried now (its host rests or is busy): due again at {@code next}, without counting an attempt. */
    void postpone(Instant next) {
        if (state == State.PENDING) {
            nextAttemptAt = next;
        }
    }

    void refused(String error, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastError = cut(error);
        nextAttemptAt = null;
        state = State.REFUSED;
    }

    private static String cut(String error) {
        return error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
    }

    public UUID id() {
        return id;
    }

    public UUID activityId() {
        return activityId;
    }

    public String host() {
        return host;
    }

    public URI inbox() {
        return URI.create(inbox);
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
