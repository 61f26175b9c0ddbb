package org.kinship.platform.forum;

import jakarta.persistence.EntityListeners;
import org.kinship.platform.persistence.EntityChangeListener;
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
 * One post: the opening post of a thread (seq 0) or a reply. Deleting leaves a tombstone (the row
 * with its place and author, without the words) so that replies to it keep their shape.
 */
@Entity
@Table(name = "forum_post")
@EntityListeners(EntityChangeListener.class)
public class Post {
    @Id
    private UUID id;

    @Column(name = "thread_id", nullable = false, updatable = false)
    private UUID threadId;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "in_reply_to", updatable = false)
    private UUID inReplyTo;

    @Column(name = "body_source", length = PostBody.MAX_SOURCE)
    private String bodySource;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "content_warning", length = PostBody.MAX_CONTENT_WARNING)
    private String contentWarning;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(nullable = false)
    private boolean hidden;

    /** Crisis language was found when it was written or last edited; moderators were alerted. */
    @Column(name = "crisis_flag", nullable = false)
    private boolean crisisFlag;

    @Version
    private long version;

    protected Post() {
    }

    Post(ForumThread thread, MemberId author, int seq, Post inReplyTo, PostBody body, boolean crisis, Instant now) {
        this.id = UUID.randomUUID();
        this.threadId = thread.id();
        this.communityId = thread.community().value();
        this.authorId = author.value();
        this.seq = seq;
        this.inReplyTo = inReplyTo == null ? null : inReplyTo.id;
        this.createdAt = now;
        write(body, crisis);
    }

    private void write(PostBody body, boolean crisis) {
        this.bodySource = body.source();
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.contentWarning = body.contentWarning();
        this.crisisFlag = crisis;
    }

    /** The author changes their words; the returned revision keeps what they replace, for moderators. */
    PostRevision edit(MemberId by, String oldTitle, PostBody body, boolean crisis, Instant now) {
        if (!isAuthor(by)) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, "Only the author can edit a post.");
        }
        requireNotDeleted();
        PostRevision revision = new PostRevision(this, oldTitle, bodySource, contentWarning, now);
        write(body, crisis);
        this.editedAt = now;
        return revision;
    }

    void delete(MemberId by, Instant now) {
        if (!isAuthor(by)) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, "Only the author can delete a post.");
        }
        requireNotDeleted();
        this.bodySource = null;
        this.bodyHtml = null;
        this.bodyText = null;
        this.contentWarning = null;
        this.deletedAt = now;
    }

    void requireNotDeleted() {
        if (deletedAt != null) {
            throw new KinshipException(ErrorCode.POST_DELETED, "This post was deleted by its author.");
        }
    }

    public void hide() {
        hidden = true;
    }

    public void restore() {
        hidden = false;
    }

    /** Deleted or hidden: nothing to answer or react to. */
    public boolean isGone() {
        return deletedAt != null || hidden;
    }

    public boolean isAuthor(MemberId member) {
        return authorId.equals(member.value());
    }

    public UUID id() {
        return id;
    }

    public UUID threadId() {
        return threadId;
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public MemberId author() {
        return new MemberId(authorId);
    }

    public int seq() {
        return seq;
    }

    public UUID inReplyTo() {
        return inReplyTo;
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

    public String contentWarning() {
        return contentWarning;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean hidden() {
        return hidden;
    }

    public boolean crisisFlag() {
        return crisisFlag;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Post other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
