package org.kinship.platform.notification.digest;

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
 * A member's wish for the e-mail digest in one community, with the address to send it to. It exists
 * only while the digest is on: turning it off deletes it, address and all.
 */
@Entity
@Table(name = "digest_subscription")
public class DigestSubscription {
    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false, unique = true, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private DigestFrequency frequency;

    @Column(nullable = false, length = EmailAddress.MAX_LENGTH)
    private String email;

    /** When the last digest went out; null until the first. Changed only by conditional updates (see DigestStore). */
    @Column(name = "last_sent_at")
    private Instant lastSentAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected DigestSubscription() {
    }

    public DigestSubscription(MemberId member, DigestFrequency frequency, String email, Instant now) {
        this.id = UUID.randomUUID();
        this.memberId = member.value();
        this.createdAt = Objects.requireNonNull(now);
        change(frequency, email);
    }

    /** A new frequency or address; the rhythm (last sent) is kept, so changing the address does not send at once. */
    public void change(DigestFrequency newFrequency, String newEmail) {
        if (newFrequency == null || newFrequency == DigestFrequency.OFF) {
            throw new IllegalArgumentException("an OFF digest is deleted, not stored");
        }
        this.frequency = newFrequency;
        this.email = EmailAddress.validate(newEmail);
    }

    public UUID id() {
        return id;
    }

    public MemberId member() {
        return new MemberId(memberId);
    }

    public DigestFrequency frequency() {
        return frequency;
    }

    public String email() {
        return email;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
