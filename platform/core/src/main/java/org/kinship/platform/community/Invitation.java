package org.kinship.platform.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * An invitation link into a community, with an expiry and a number of uses. Only a hash of the
 * token is stored: a leaked database does not hand out working links.
 */
@Entity
@Table(name = "invitation")
public class Invitation {
    public static final Duration MIN_VALIDITY = Duration.ofHours(1);
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);
    public static final int MAX_USES = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false, length = 64)
    private String tokenHash;

    /** The role a person gets by this invitation: MEMBER, or ADMIN for a new community's first admin. */
    @Enumerated(EnumType.STRING)
    @Column(name = "grants_role", nullable = false, length = 16)
    private Role grantsRole;

    /** Null when the platform admin made it (a new community's first-admin link). */
    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "max_uses", nullable = false)
    private int maxUses;

    @Column(nullable = false)
    private int uses;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Invitation() {
    }

    private Invitation(CommunityId community, String tokenHash, Role grantsRole, MemberId createdBy,
                       Instant now, Duration validity, int maxUses) {
        if (validity == null || validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "An invitation is valid for 1 hour to 90 days.");
        }
        if (maxUses < 1 || maxUses > MAX_USES) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "An invitation can be used 1 to " + MAX_USES + " times.");
        }
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.tokenHash = tokenHash;
        this.grantsRole = Objects.requireNonNull(grantsRole);
        this.createdBy = createdBy == null ? null : createdBy.value();
        this.createdAt = now;
        this.expiresAt = now.plus(validity);
        this.maxUses = maxUses;
        this.uses = 0;
    }

    /** A new invitation and the secret token for its link. The token is not kept anywhere else. */
    public static Issued issue(CommunityId community, Role grantsRole, MemberId createdBy, Instant now,
                               Duration validity, int maxUses) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(new Invitation(community, hash(token), grantsRole, createdBy, now, validity, maxUses), token);
    }

    /** The invitation and its token, which exists only until it is handed to whoever asked for it. */
    public record Issued(Invitation invitation, String token) {
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Throws with the precise reason if this invitation cannot be used now. */
    public void checkUsable(Instant now) {
        if (revokedAt != null) {
            throw new KinshipException(ErrorCode.INVITATION_REVOKED, "This invitation was withdrawn. Ask for a new one.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new KinshipException(ErrorCode.INVITATION_EXPIRED, "This invitation has expired. Ask for a new one.");
        }
        if (uses >= maxUses) {
            throw new KinshipException(ErrorCode.INVITATION_USED_UP, "This invitation has been used up. Ask for a new one.");
        }
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public Role grantsRole() {
        return grantsRole;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int maxUses() {
        return maxUses;
    }

    public int uses() {
        return uses;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
