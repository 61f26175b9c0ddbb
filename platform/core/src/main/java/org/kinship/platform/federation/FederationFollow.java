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
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/**
 * A follow between a local community's Group and a remote actor. INBOUND: the remote actor follows the
 * community and receives its Announces. OUTBOUND: the community follows a remote Group and shows what it
 * announces.
 */
@jakarta.persistence.EntityListeners(org.kinship.platform.persistence.EntityChangeListener.class)
@Entity
@Table(name = "federation_follow")
public class FederationFollow {
    public enum Direction { INBOUND, OUTBOUND }

    public enum State { PENDING, ACCEPTED, REJECTED }

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "remote_actor_id", nullable = false, updatable = false)
    private UUID remoteActorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private State state;

    /** The Follow activity's id: an Accept, Reject or Undo names it. */
    @Column(name = "activity_iri", length = 2048)
    private String activityIri;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected FederationFollow() {
    }

    FederationFollow(CommunityId community, RemoteActor remote, Direction direction, URI activity, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.remoteActorId = remote.id();
        this.direction = direction;
        this.state = State.PENDING;
        this.activityIri = activity == null ? null : activity.toString();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void renew(URI activity, Instant now) {
        this.activityIri = activity == null ? null : activity.toString();
        this.state = State.PENDING;
        this.updatedAt = now;
    }

    void accept(Instant now) {
        this.state = State.ACCEPTED;
        this.updatedAt = now;
    }

    void reject(Instant now) {
        this.state = State.REJECTED;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public UUID remoteActor() {
        return remoteActorId;
    }

    public Direction direction() {
        return direction;
    }

    public State state() {
        return state;
    }

    public Optional<URI> activity() {
        return Optional.ofNullable(activityIri).map(URI::create);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
