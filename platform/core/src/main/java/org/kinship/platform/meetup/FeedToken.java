package org.kinship.platform.meetup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.kinship.platform.community.Invitation;
import org.kinship.platform.community.MemberId;

/**
 * The secret in a member's private calendar feed address. Calendar programs cannot sign in, so the
 * address itself is the key: 32 random bytes, of which only a hash is stored. Regenerating replaces
 * it, and the old address stops working at once.
 */
@Entity
@Table(name = "meetup_feed_token")
public class FeedToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FeedToken() {
    }

    FeedToken(MemberId member, Instant now) {
        this.id = UUID.randomUUID();
        this.memberId = member.value();
        this.createdAt = now;
    }

    /** A fresh secret for this feed; returns it (the only time it exists in clear). */
    String regenerate(Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.tokenHash = hash(token);
        this.createdAt = now;
        return token;
    }

    static String hash(String token) {
        return Invitation.hash(token);
    }

    public MemberId member() {
        return new MemberId(memberId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
