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
import org.kinship.platform.community.Membership;
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

    /**
     * When the author agreed that the thread may leave this community (be federated); null while it may
     * not. Only the author sets it: see {@link #share}.
     */
    @Column(name = "shared_at")
    private Instant sharedAt;

    /** A moderator's pending request that the author share the thread: when, and which membership asked. */
    @Column(name = "share_requested_at")
    private Instant shareRequestedAt;

    @Column(name = "share_requested_by")
    private UUID shareRequestedBy;

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

    // ---- sharing beyond the community: the author's consent ----

    /**
     * The author agrees that this thread may leave the community: the federation code may send it, and
     * the replies written in it from now on, to the communities this one federates with. It also answers
     * a moderator's pending request. Only the author may share; a closed circle or a thread the
     * moderators hid cannot be shared.
     *
     * @return whether anything changed (sharing a shared thread changes nothing)
     */
    public boolean share(MemberId by, Instant now) {
        requireNotCircle();
        requireAuthor(by, "Only the person who started this thread can share it.");
        if (hidden) {
            throw new KinshipException(ErrorCode.THREAD_NOT_SHAREABLE,
                    "The moderators hid this thread, so it cannot be shared beyond the community.");
        }
        clearShareRequest();
        if (sharedAt != null) {
            return false;
        }
        sharedAt = Objects.requireNonNull(now);
        return true;
    }

    /**
     * The author withdraws their consent, at any time: nothing more of this thread leaves the community
     * from now on. What was already sent cannot be recalled; the federation code asks the other
     * communities to delete their copies (an ActivityPub Delete), which it cannot force.
     *
     * @return whether anything changed (un-sharing a thread that is not shared changes nothing)
     */
    public boolean unshare(MemberId by) {
        requireNotCircle();
        requireAuthor(by, "Only the person who started this thread can stop sharing it.");
        if (sharedAt == null) {
            return false;
        }
        sharedAt = null;
        return true;
    }

    /**
     * A moderator (or admin) asks the author to share the thread. This shares nothing: the thread stays
     * in the community until the author accepts ({@link #share}) or declines
     * ({@link #declineShareRequest}). An author who left the community (or deleted their account) is
     * not asked anything.
     *
     * @param requester the membership asking, in this thread's community
     * @param author    the thread author's membership, as it stands now
     * @return whether a new request was made (asking again while one is pending changes nothing)
     */
    public boolean requestSharing(Membership requester, Membership author, Instant now) {
        if (!requester.community().equals(community()) || !author.id().equals(author())) {
            throw new IllegalArgumentException("the requester and the author must be of this thread's community");
        }
        if (!requester.role().canModerate()) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only moderators can ask an author to share their thread.");
        }
        requireNotCircle();
        if (hidden) {
            throw new KinshipException(ErrorCode.THREAD_NOT_SHAREABLE,
                    "This thread is hidden, so it cannot be shared beyond the community.");
        }
        if (!author.isActive()) {
            throw new KinshipException(ErrorCode.AUTHOR_GONE,
                    "The person who started this thread is no longer a member here, so they cannot be asked.");
        }
        if (sharedAt != null) {
            throw new KinshipException(ErrorCode.THREAD_ALREADY_SHARED, "Its author already shares this thread.");
        }
        if (shareRequestedAt != null) {
            return false;
        }
        shareRequestedAt = Objects.requireNonNull(now);
        shareRequestedBy = requester.id().value();
        return true;
    }

    /** The author says no to a moderator's request: the request is gone and the thread stays in the community. */
    public void declineShareRequest(MemberId by) {
        requireAuthor(by, "Only the person who started this thread can answer a request to share it.");
        if (shareRequestedAt == null) {
            throw new KinshipException(ErrorCode.SHARE_NOT_REQUESTED, "Nobody has asked you to share this thread.");
        }
        clearShareRequest();
    }

    private void clearShareRequest() {
        shareRequestedAt = null;
        shareRequestedBy = null;
    }

    private void requireNotCircle() {
        if (visibility == Visibility.CIRCLE) {
            throw new KinshipException(ErrorCode.THREAD_NOT_SHAREABLE,
                    "A closed circle stays with the people in it: it is never shared beyond the community.");
        }
    }

    private void requireAuthor(MemberId by, String message) {
        if (!isAuthor(by)) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, message);
        }
    }

    /** Whether the author consented to this thread leaving the community (see {@link #share}). */
    public boolean isShared() {
        return sharedAt != null;
    }

    public Instant sharedAt() {
        return sharedAt;
    }

    /** Whether a moderator's request to share waits for the author's answer. */
    public boolean shareRequested() {
        return shareRequestedAt != null;
    }

    public Instant shareRequestedAt() {
        return shareRequestedAt;
    }

    /** Who asked, or null when nobody is asking now. */
    public MemberId shareRequestedBy() {
        return shareRequestedBy == null ? null : new MemberId(shareRequestedBy);
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
