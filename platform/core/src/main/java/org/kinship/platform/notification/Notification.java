package org.kinship.platform.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * Something a member should know about. It refers to things by id and carries no post text: what it
 * points to is read (or not) under the usual visibility rules when it is opened.
 */
@Entity
@Table(name = "notification")
public class Notification {
    public enum Kind {
        REPLY,
        MENTION,
        MODERATION,
        CIRCLE_INVITATION
    }

    @Id
    private UUID id;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private UUID recipientId;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private Kind kind;

    @Column(name = "thread_id", updatable = false)
    private UUID threadId;

    @Column(name = "post_id", updatable = false)
    private UUID postId;

    @Column(name = "actor_id", updatable = false)
    private UUID actorId;

    /** For moderation outcomes: the action and the moderator's reason, which the member has a right to read. */
    @Column(length = 500, updatable = false)
    private String detail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(MemberId recipient, CommunityId community, Kind kind, UUID threadId, UUID postId, MemberId actor,
                        String detail, Instant now) {
        this.id = UUID.randomUUID();
        this.recipientId = recipient.value();
        this.communityId = community.value();
        this.kind = kind;
        this.threadId = threadId;
        this.postId = postId;
        this.actorId = actor == null ? null : actor.value();
        this.detail = detail;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public UUID threadId() {
        return threadId;
    }

    public UUID postId() {
        return postId;
    }

    public MemberId actor() {
        return actorId == null ? null : new MemberId(actorId);
    }

    public String detail() {
        return detail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean read() {
        return readAt != null;
    }
}
