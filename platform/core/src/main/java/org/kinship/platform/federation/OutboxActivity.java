package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * An activity to send, stored in the transaction that caused it and before any delivery: if the server
 * stops, nothing is lost. The body is the exact JSON that is signed and posted to every inbox.
 */
@Entity
@Table(name = "outbox_activity")
public class OutboxActivity {
    @Id
    private UUID id;

    @Column(name = "community_id", updatable = false)
    private UUID communityId;

    @Column(name = "activity_iri", nullable = false, length = 2048, updatable = false)
    private String activityIri;

    /** Whose key signs the deliveries (see {@link ActorKey}). */
    @Column(name = "signer_id", nullable = false, updatable = false)
    private UUID signerId;

    /** The signer's actor id: the key id is this plus #main-key. */
    @Column(name = "signer_actor", nullable = false, length = 2048, updatable = false)
    private String signerActor;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected OutboxActivity() {
    }

    OutboxActivity(UUID community, URI activity, UUID signer, URI signerActor, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community;
        this.activityIri = activity.toString();
        this.signerId = signer;
        this.signerActor = signerActor.toString();
        this.body = body;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public URI activity() {
        return URI.create(activityIri);
    }

    public UUID signer() {
        return signerId;
    }

    public URI signerActor() {
        return URI.create(signerActor);
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
