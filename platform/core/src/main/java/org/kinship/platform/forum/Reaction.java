package org.kinship.platform.forum;

import jakarta.persistence.EntityListeners;
import org.kinship.platform.persistence.EntityChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.kinship.platform.community.MemberId;

/** One member's supportive reaction to one post. Unique per (post, member, kind) in the schema. */
@Entity
@Table(name = "forum_reaction")
@EntityListeners(EntityChangeListener.class)
public class Reaction {
    @Id
    private UUID id;

    @Column(name = "post_id", nullable = false, updatable = false)
    private UUID postId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ReactionKind kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Reaction() {
    }

    Reaction(Post post, MemberId member, ReactionKind kind, Instant now) {
        this.id = UUID.randomUUID();
        this.postId = post.id();
        this.memberId = member.value();
        this.kind = kind;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public ReactionKind kind() {
        return kind;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID postId() {
        return postId;
    }

    public UUID memberId() {
        return memberId;
    }
}
