package org.kinship.platform.forum;

import jakarta.persistence.EntityListeners;
import org.kinship.platform.persistence.EntityChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * A thread: a title, an opening post and the replies to it. The thread hands out each post's
 * sequence number, so it is locked while a post is added: replies keep one order for everyone.
 */
@Entity
@Table(name = "forum_thread")
@EntityListeners(EntityChangeListener.class)
public class ForumThread {
    public static final int MAX_TITLE = 150;

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "category_id")
    private UUID categoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Visibility visibility;

    /** Null once the author deleted the opening post: the thread keeps its shape, not their words. */
    @Column(length = MAX_TITLE)
    private String title;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false)
    private boolean locked;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private boolean hidden;

    /** A newcomer's first thread, until a moderator has welcomed them. */
    @Column(name = "needs_welcome", nullable = false)
    private boolean needsWelcome;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "reply_count", nullable = false)
    private int replyCount;

    @Column(name = "post_count", nullable = false)
    private int postCount;

    @Version
    private long version;

    protected ForumThread() {
    }

    private ForumThread(CommunityId community, UUID categoryId, Visibility visibility, String title, MemberId author,
                        boolean newcomer, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.categoryId = categoryId;
        this.visibility = visibility;
        this.title = checkedTitle(title);
        this.authorId = author.value();
        this.needsWelcome = newcomer && visibility == Visibility.COMMUNITY;
        this.createdAt = now;
        this.lastActivityAt = now;
    }

    public static ForumThread inCategory(Category category, String title, MemberId author, boolean newcomer, Instant now) {
        return new ForumThread(category.community(), category.id(), Visibility.COMMUNITY, title, author, newcomer, now);
    }

    public static ForumThread circle(CommunityId community, String title, MemberId author, Instant now) {
        return new ForumThread(community, null, Visibility.CIRCLE, title, author, false, now);
    }

    static String checkedTitle(String typed) {
        return Text.required(ErrorCode.TITLE_INVALID, "title", singleLine(typed), MAX_TITLE);
    }

    private static String singleLine(String typed) {
        String line = Text.singleLine(ErrorCode.TITLE_INVALID, "title", typed, MAX_TITLE);
        return line == null ? null : line.replaceAll("(?U)\\s+", " ");
    }

    /** The next post's sequence number. Call only with the thread locked (see ForumRepository#lockThread). */
    int nextSeq(Instant now) {
        int seq = postCount++;
        if (seq > 0) {
            replyCount++;
        }
        lastActivityAt = now;
        return seq;
    }

    /** Whether someone may add a post now: a locked thread takes replies from moderators only. */
    void checkOpenFor(boolean moderator) {
        if (locked && !moderator) {
            throw new KinshipException(ErrorCode.THREAD_LOCKED, "This thread is locked: no new replies.");
        }
    }

    void retitle(String typed) {
        this.title = checkedTitle(typed);
    }

    /** The author deleted the opening post. */
    void forgetTitle() {
        this.title = null;
    }

    public void lock() {
        locked = true;
    }

    public void unlock() {
        locked = false;
    }

    public void pin() {
        pinned = true;
    }

    public void unpin() {
        pinned = false;
    }

    public void hide() {
        hidden = true;
    }

    public void restore() {
        hidden = false;
    }

    public void moveTo(Category category) {
        if (visibility != Visibility.COMMUNITY || !category.community().equals(community())) {
            throw new KinshipException(ErrorCode.CATEGORY_NOT_FOUND, "No such category in this community.");
        }
        this.categoryId = category.id();
    }

    public void welcomed() {
        needsWelcome = false;
    }

    public UUID id() {
        return id;
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public UUID categoryId() {
        return categoryId;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String title() {
        return title;
    }

    public MemberId author() {
        return new MemberId(authorId);
    }

    public boolean isAuthor(MemberId member) {
        return authorId.equals(member.value());
    }

    public boolean locked() {
        return locked;
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean hidden() {
        return hidden;
    }

    public boolean needsWelcome() {
        return needsWelcome;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public int replyCount() {
        return replyCount;
    }

    public int postCount() {
        return postCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForumThread other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
