package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The RSA key pair of one local actor: the instance (owner = the nil UUID), a community's Group (owner =
 * the community id) or a member's Person (owner = the membership id, so that a person's actors in two
 * communities share nothing, not even a key).
 */
@Entity
@Table(name = "actor_key")
public class ActorKey {
    /** The instance actor's owner id. */
    public static final UUID INSTANCE = new UUID(0, 0);

    @Id
    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "public_pem", nullable = false, length = 4000, updatable = false)
    private String publicPem;

    @Column(name = "private_pem", nullable = false, length = 8000, updatable = false)
    private String privatePem;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ActorKey() {
    }

    ActorKey(UUID owner, String publicPem, String privatePem, Instant now) {
        this.ownerId = owner;
        this.publicPem = publicPem;
        this.privatePem = privatePem;
        this.createdAt = now;
    }

    public UUID owner() {
        return ownerId;
    }

    public String publicPem() {
        return publicPem;
    }

    String privatePem() {
        return privatePem;
    }
}
