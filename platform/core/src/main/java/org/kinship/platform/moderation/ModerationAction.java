package org.kinship.platform.moderation;

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

/** One line of the audit log: who did what, to what, and why. Never changed once written. */
@Entity
@Table(name = "moderation_action")
public class ModerationAction {
    /** What a moderator can do. Each needs a reason. */
    public enum Type {
        HIDE_POST, RESTORE_POST, HIDE_THREAD, RESTORE_THREAD, LOCK, UNLOCK, PIN, UNPIN, MOVE, MUTE, UNMUTE, BAN,
        DISMISS, RESOLVE, WELCOME,
        /** Chat: a message removed, a member muted in or removed from a room, slow mode changed. */
        DELETE_CHAT_MESSAGE, ROOM_MUTE, ROOM_UNMUTE, ROOM_REMOVE, SLOW_MODE
    }

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "moderator_id", nullable = false, updatable = false)
    private UUID moderatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32, updatable = false)
    private Type action;

    @Column(nullable = false, length = 500, updatable = false)
    private String reason;

    @Column(name = "thread_id", updatable = false)
    private UUID threadId;

    @Column(name = "post_id", updatable = false)
    private UUID postId;

    @Column(name = "member_id", updatable = false)
    private UUID memberId;

    @Column(name = "item_id", updatable = false)
    private UUID itemId;

    @Column(name = "room_id", updatable = false)
    private UUID roomId;

    @Column(name = "chat_message_id", updatable = false)
    private UUID chatMessageId;

    @Column(name = "until_at", updatable = false)
    private Instant until;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ModerationAction() {
    }

    ModerationAction(CommunityId community, MemberId moderator, Type action, String reason, UUID threadId, UUID postId,
                     MemberId member, UUID itemId, Instant until, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.moderatorId = moderator.value();
        this.action = action;
        this.reason = reason;
        this.threadId = threadId;
        this.postId = postId;
        this.memberId = member == null ? null : member.value();
        this.itemId = itemId;
        this.until = until;
        this.createdAt = now;
    }

    /** An action in chat. */
    static ModerationAction inChat(CommunityId community, MemberId moderator, Type action, String reason, UUID roomId,
                                   UUID chatMessageId, MemberId member, Instant until, Instant now) {
        ModerationAction a = new ModerationAction(community, moderator, action, reason, null, null, member, null, until, now);
        a.roomId = roomId;
        a.chatMessageId = chatMessageId;
        return a;
    }

    public UUID roomId() {
        return roomId;
    }

    public MemberId moderator() {
        return new MemberId(moderatorId);
    }

    public Type action() {
        return action;
    }

    public String reason() {
        return reason;
    }

    public UUID threadId() {
        return threadId;
    }

    public UUID postId() {
        return postId;
    }

    public MemberId member() {
        return memberId == null ? null : new MemberId(memberId);
    }

    public Instant until() {
        return until;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
