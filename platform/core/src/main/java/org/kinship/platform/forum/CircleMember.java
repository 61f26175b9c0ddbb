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
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** A member invited into a closed circle, and their answer. */
@Entity
@Table(name = "circle_member")
@EntityListeners(EntityChangeListener.class)
public class CircleMember {
    public enum Status {
        INVITED,
        ACCEPTED,
        DECLINED,
        /** The starter took them out. */
        REMOVED
    }

    @Id
    private UUID id;

    @Column(name = "thread_id", nullable = false, updatable = false)
    private UUID threadId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    protected CircleMember() {
    }

    CircleMember(ForumThread circle, MemberId member, Instant now) {
        this.id = UUID.randomUUID();
        this.threadId = circle.id();
        this.memberId = member.value();
        this.status = Status.INVITED;
        this.invitedAt = now;
    }

    void accept(Instant now) {
        requireInvited();
        status = Status.ACCEPTED;
        respondedAt = now;
    }

    void decline(Instant now) {
        requireInvited();
        status = Status.DECLINED;
        respondedAt = now;
    }

    /** Asked again after declining or being removed: the invitation is fresh. */
    void reinvite(Instant now) {
        if (status == Status.INVITED || status == Status.ACCEPTED) {
            throw new KinshipException(ErrorCode.ALREADY_IN_CIRCLE, "They are already invited to this circle.");
        }
        status = Status.INVITED;
        invitedAt = now;
        respondedAt = null;
    }

    void remove(Instant now) {
        status = Status.REMOVED;
        respondedAt = now;
    }

    private void requireInvited() {
        if (status != Status.INVITED) {
            throw new KinshipException(ErrorCode.NOT_INVITED, "There is no open invitation to this circle.");
        }
    }

    public UUID threadId() {
        return threadId;
    }

    public MemberId member() {
        return new MemberId(memberId);
    }

    public Status status() {
        return status;
    }
}
