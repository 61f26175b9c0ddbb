package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/**
 * One entry of a community's allow-list or block-list: a whole host ("example.org") or one remote actor
 * (its id, an https IRI). Which list is used depends on the mode: ALLOW entries matter in ALLOW_LIST mode,
 * BLOCK entries in OPEN mode.
 */
@Entity
@Table(name = "federation_rule")
public class FederationRule {
    public enum Kind { ALLOW, BLOCK }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "community_id")
        private UUID communityId;
        @Column(name = "kind", length = 8)
        private String kind;
        @Column(name = "target_hash", length = 64)
        private String targetHash;

        protected Key() {
        }

        Key(UUID communityId, String kind, String targetHash) {
            this.communityId = communityId;
            this.kind = kind;
            this.targetHash = targetHash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.kind.equals(kind) && k.targetHash.equals(targetHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, kind, targetHash);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false, length = 2048, updatable = false)
    private String target;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected FederationRule() {
    }

    public FederationRule(CommunityId community, Kind kind, String target, Instant now) {
        this.key = new Key(community.value(), kind.name(), Hashes.sha256(target));
        this.target = target;
        this.createdAt = now;
    }

    public Kind kind() {
        return Kind.valueOf(key.kind);
    }

    /** A host name or an actor IRI. */
    public String target() {
        return target;
    }

    public boolean isHost() {
        return !target.contains("/");
    }

    public Instant createdAt() {
        return createdAt;
    }
}
