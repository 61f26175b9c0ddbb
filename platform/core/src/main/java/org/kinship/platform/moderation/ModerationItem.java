package org.kinship.platform.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Something in a community's moderation queue. Crisis alerts are urgent and sort first. For a
 * report, the reporter is recorded for moderators only: the reported member never learns who it was.
 */
@Entity
@Table(name = "moderation_item")
public class ModerationItem {
    public enum Kind {
        REPORT,
        CRISIS,
        WELCOME
    }

    public enum Status {
        OPEN,
        RESOLVED,
        DISMISSED
    }

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private boolean urgent;

    @Column(name = "thread_id", updatable = false)
    private UUID threadId;

    @Column(name = "post_id", updatable = false)
    private UUID postId;

    /** For an item about a chat message: its room and the message. */
    @Column(name = "room_id", updatable = false)
    private UUID roomId;

    @Column(name = "chat_message_id", updatable = false)
    private UUID chatMessageId;

    @Column(name = "subject_member_id", nullable = false, updatable = false)
    private UUID subjectMemberId;

    @Column(name = "reporter_id", updatable = false)
    private UUID reporterId;

    @Column(length = 500, updatable = false)
    private String reason;

    /** What the item is about, copied when it was raised, so moderators can judge a post in a circle they cannot open. */
    @Column(length = 600, updatable = false)
    private String excerpt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private UUID resolvedBy;

    @Column(length = 500)
    private String resolution;

    @Version
    private long version;

    protected ModerationItem() {
    }

    private ModerationItem(CommunityId community, Kind kind, boolean urgent, UUID threadId, UUID postId, MemberId subject,
                           MemberId reporter, String reason, String excerpt, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.kind = kind;
        this.urgent = urgent;
        this.threadId = threadId;
        this.postId = postId;
        this.subjectMemberId = subject.value();
        this.reporterId = reporter == null ? null : reporter.value();
        this.reason = reason;
        this.excerpt = excerpt;
        this.status = Status.OPEN;
        this.createdAt = now;
    }

    static ModerationItem report(CommunityId community, UUID threadId, UUID postId, MemberId author, MemberId reporter,
                                 String reason, String excerpt, Instant now) {
        return new ModerationItem(community, Kind.REPORT, false, threadId, postId, author, reporter, reason, excerpt, now);
    }

    static ModerationItem crisis(CommunityId community, UUID threadId, UUID postId, MemberId author, String phrases,
                                 String excerpt, Instant now) {
        return new ModerationItem(community, Kind.CRISIS, true, threadId, postId, author, null, phrases, excerpt, now);
    }

    static ModerationItem chatReport(CommunityId community, UUID roomId, UUID messageId, MemberId author, MemberId reporter,
                                     String reason, String excerpt, Instant now) {
        ModerationItem item = new ModerationItem(community, Kind.REPORT, false, null, null, author, reporter, reason, excerpt, now);
        item.roomId = roomId;
        item.chatMessageId = messageId;
        return item;
    }

    static ModerationItem chatCrisis(CommunityId community, UUID roomId, UUID messageId, MemberId author, String phrases,
                                     String excerpt, Instant now) {
        ModerationItem item = new ModerationItem(community, Kind.CRISIS, true, null, null, author, null, phrases, excerpt, now);
        item.roomId = roomId;
        item.chatMessageId = messageId;
        return item;
    }

    static ModerationItem welcome(CommunityId community, UUID threadId, MemberId author, Instant now) {
        return new ModerationItem(community, Kind.WELCOME, false, threadId, null, author, null, null, null, now);
    }

    void close(Status outcome, MemberId by, String why, Instant now) {
        if (status != Status.OPEN) {
            throw new KinshipException(ErrorCode.REPORT_NOT_FOUND, "This item has already been dealt with.");
        }
        this.status = outcome;
        this.resolvedBy = by.value();
        this.resolution = why;
        this.resolvedAt = now;
    }

    public UUID id() {
        return id;
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public Kind kind() {
        return kind;
    }

    public boolean urgent() {
        return urgent;
    }

    public UUID threadId() {
        return threadId;
    }

    public UUID postId() {
        return postId;
    }

    public UUID roomId() {
        return roomId;
    }

    public UUID chatMessageId() {
        return chatMessageId;
    }

    public MemberId subject() {
        return new MemberId(subjectMemberId);
    }

    public MemberId reporter() {
        return reporterId == null ? null : new MemberId(reporterId);
    }

    public String reason() {
        return reason;
    }

    public String excerpt() {
        return excerpt;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String resolution() {
        return resolution;
    }
}
