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
        CIRCLE_INVITATION,
        /** A date of a meetup I answered about was cancelled ({@code detail}: the organiser's reason). */
        MEETUP_CANCELLED,
        /** A date of a meetup I answered about moved to another time. */
        MEETUP_CHANGED,
        /** I got a place: from the waiting list, or approved by the organiser. */
        MEETUP_PLACE,
        /** The organiser wrote to the people coming ({@code detail}: the message). */
        MEETUP_MESSAGE,
        /** A meetup I'm going to is tomorrow, or in two hours. */
        MEETUP_REMINDER,
        /** Someone offers to go together with me ({@code actor}). */
        COMPANY_OFFERED,
        /** Going together is agreed ({@code actor}: the other person). */
        COMPANY_MATCHED;

        /** The kinds the e-mail digest counts; meetup news reaches members in the app and by reminders. */
        public boolean inDigest() {
            return this == REPLY || this == MENTION || this == MODERATION || this == CIRCLE_INVITATION;
        }
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

    @Column(name = "meetup_id", updatable = false)
    private UUID meetupId;

    @Column(name = "occurrence_id", updatable = false)
    private UUID occurrenceId;

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

    /** Something about one date of a meetup. */
    public static Notification aboutMeetup(MemberId recipient, CommunityId community, Kind kind, UUID meetupId,
                                           UUID occurrenceId, MemberId actor, String detail, Instant now) {
        Notification n = new Notification(recipient, community, kind, null, null, actor, detail, now);
        n.meetupId = meetupId;
        n.occurrenceId = occurrenceId;
        return n;
    }

    public UUID meetupId() {
        return meetupId;
    }

    public UUID occurrenceId() {
        return occurrenceId;
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
