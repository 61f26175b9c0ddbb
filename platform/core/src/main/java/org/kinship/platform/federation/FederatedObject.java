package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/**
 * A remote object (thread, reply, meetup) shown in a local community, by its ActivityPub id; also a remote
 * person's {@code Join} of one of our dates (kind JOIN, local id the date), kept to answer it later.
 */
@Entity
@Table(name = "federated_object")
public class FederatedObject {
    public enum Kind { THREAD, POST, MEETUP, JOIN }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "community_id")
        private UUID communityId;
        @Column(name = "iri_hash", length = 64)
        private String iriHash;

        protected Key() {
        }

        Key(CommunityId community, URI iri) {
            this.communityId = community.value();
            this.iriHash = Hashes.sha256(iri.toString());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.iriHash.equals(iriHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, iriHash);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false, length = 2048, updatable = false)
    private String iri;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private Kind kind;

    @Column(name = "local_id", nullable = false, updatable = false)
    private UUID localId;

    @Column(name = "origin_actor", updatable = false)
    private UUID originActor;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected FederatedObject() {
    }

    FederatedObject(CommunityId community, URI iri, Kind kind, UUID localId, RemoteActor origin, Instant now) {
        this.key = new Key(community, iri);
        this.iri = iri.toString();
        this.kind = kind;
        this.localId = localId;
        this.originActor = origin == null ? null : origin.id();
        this.receivedAt = now;
    }

    public URI iri() {
        return URI.create(iri);
    }

    public Kind kind() {
        return kind;
    }

    public UUID localId() {
        return localId;
    }

    public UUID originActor() {
        return originActor;
    }
}
