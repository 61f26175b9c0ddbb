package org.kinship.platform.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * One message in a room, at its place in the room's sequence. A deleted message keeps its place as
 * a tombstone (the words are erased), so a conversation keeps its shape and a client that resumes
 * learns that the message is gone.
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage {
    /** A client id is the client's own name for a message, unique per author and room; it makes resending safe. */
    public static final int MAX_CLIENT_ID = 64;

    @Id
    private UUID id;

    @Column(name = "room_id", nullable = false, updatable = false)
    private UUID roomId;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "client_id", nullable = false, length = MAX_CLIENT_ID, updatable = false)
    private String clientId;

    @Column(name = "body_source", length = 8000)
    private String bodySource;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "crisis_flag", nullable = false)
    private boolean crisisFlag;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by_moderator", nullable = false)
    private boolean deletedByModerator;

    @Version
    private long version;

    protected ChatMessage() {
    }

    /** Only {@link ChatService} writes messages, with the room locked. */
    ChatMessage(Room room, long seq, MemberId author, String clientId, ChatBody body, boolean crisis, Instant now) {
        this.id = UUID.randomUUID();
        this.roomId = room.id().value();
        this.communityId = room.community().value();
        this.seq = seq;
        this.authorId = author.value();
        this.clientId = checkedClientId(clientId);
        this.bodySource = body.source();
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.crisisFlag = crisis;
        this.createdAt = now;
    }

    public static String checkedClientId(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID
                || clientId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "A message needs a clientId: 1 to " + MAX_CLIENT_ID + " printable ASCII characters, unique per message.");
        }
        return clientId;
    }

    /** The author changes their words. */
    public void edit(MemberId by, ChatBody body, boolean crisis, Instant now) {
        requireAuthor(by, "edit");
        if (isDeleted()) {
            throw new KinshipException(ErrorCode.MESSAGE_DELETED, "This message was deleted.");
        }
        this.bodySource = body.source();
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.crisisFlag = this.crisisFlag || crisis;
        this.editedAt = now;
    }

    /** The author takes their message back. */
    public void deleteByAuthor(MemberId by, Instant now) {
        requireAuthor(by, "delete");
        tombstone(false, now);
    }

    /** A moderator removes the message (the reason goes to the audit log and to the author). */
    public void deleteByModerator(Instant now) {
        tombstone(true, now);
    }

    private void tombstone(boolean byModerator, Instant now) {
        if (isDeleted()) {
            throw new KinshipException(ErrorCode.MESSAGE_DELETED, "This message was already deleted.");
        }
        this.deletedAt = now;
        this.deletedByModerator = byModerator;
        this.bodySource = null;
        this.bodyHtml = null;
        this.bodyText = null;
    }

    private void requireAuthor(MemberId by, String what) {
        if (!isAuthor(by)) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, "Only the author can " + what + " a message.");
        }
    }

    public boolean isAuthor(MemberId member) {
        return authorId.equals(Objects.requireNonNull(member).value());
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UUID id() {
        return id;
    }

    public RoomId room() {
        return new RoomId(roomId);
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public long seq() {
        return seq;
    }

    public MemberId author() {
        return new MemberId(authorId);
    }

    public String clientId() {
        return clientId;
    }

    public String bodySource() {
        return bodySource;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String bodyText() {
        return bodyText;
    }

    public boolean crisisFlag() {
        return crisisFlag;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public boolean deletedByModerator() {
        return deletedByModerator;
    }
}
