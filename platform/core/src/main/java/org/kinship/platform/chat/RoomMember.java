package org.kinship.platform.chat;

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
import org.kinship.platform.community.MemberId;

/**
 * One member's standing in one room: in it or removed, how far they have read, and a room mute.
 * In a restricted room or a direct conversation the row is what lets a member in; in a public room
 * it is created when first needed (a read marker, a mute, a removal).
 */
@Entity
@Table(name = "chat_room_member")
public class RoomMember {
    public enum Status {
        ACTIVE,
        REMOVED
    }

    @Id
    private UUID id;

    @Column(name = "room_id", nullable = false, updatable = false)
    private UUID roomId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "last_read_seq", nullable = false)
    private long lastReadSeq;

    @Column(name = "muted_until")
    private Instant mutedUntil;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Version
    private long version;

    protected RoomMember() {
    }

    public RoomMember(RoomId room, MemberId member, Instant now) {
        this.id = UUID.randomUUID();
        this.roomId = room.value();
        this.memberId = member.value();
        this.status = Status.ACTIVE;
        this.lastReadSeq = 0;
        this.addedAt = now;
    }

    /** Invited (again) into a restricted room. */
    public void readmit(Instant now) {
        if (status != Status.ACTIVE) {
            status = Status.ACTIVE;
            addedAt = now;
        }
    }

    public void remove() {
        status = Status.REMOVED;
    }

    /** Read markers only move forward: a slower device must not mark messages unread again. */
    public void readUpTo(long seq, long roomLastSeq) {
        long bounded = Math.min(seq, roomLastSeq);
        if (bounded > lastReadSeq) {
            lastReadSeq = bounded;
        }
    }

    public void mute(Instant until) {
        this.mutedUntil = Objects.requireNonNull(until);
    }

    public void unmute() {
        this.mutedUntil = null;
    }

    public boolean isMuted(Instant now) {
        return mutedUntil != null && now.isBefore(mutedUntil);
    }

    public Instant mutedUntil() {
        return mutedUntil;
    }

    public RoomId room() {
        return new RoomId(roomId);
    }

    public MemberId member() {
        return new MemberId(memberId);
    }

    public Status status() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public long lastReadSeq() {
        return lastReadSeq;
    }
}
