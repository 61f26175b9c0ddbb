package org.kinship.platform.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.forum.ReactionKind;

/** One member's supportive reaction to a chat message: the forum's fixed set, unique per (message, member, kind). */
@Entity
@Table(name = "chat_reaction")
public class ChatReaction {
    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false, updatable = false)
    private UUID messageId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ReactionKind kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ChatReaction() {
    }

    ChatReaction(ChatMessage message, MemberId member, ReactionKind kind, Instant now) {
        this.id = UUID.randomUUID();
        this.messageId = message.id();
        this.memberId = member.value();
        this.kind = kind;
        this.createdAt = now;
    }

    public ReactionKind kind() {
        return kind;
    }
}
