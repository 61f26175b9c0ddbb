package org.kinship.platform.forum;

import jakarta.persistence.EntityListeners;
import org.kinship.platform.persistence.EntityChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.kinship.platform.community.MemberId;

/** How far a member has read a thread: posts with a higher sequence number are unread. */
@Entity
@Table(name = "read_marker")
@EntityListeners(EntityChangeListener.class)
public class ReadMarker {
    @Id
    private UUID id;

    @Column(name = "thread_id", nullable = false, updatable = false)
    private UUID threadId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(name = "last_seq", nullable = false)
    private int lastSeq;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReadMarker() {
    }

    ReadMarker(UUID threadId, MemberId member, int lastSeq, Instant now) {
        this.id = UUID.randomUUID();
        this.threadId = threadId;
        this.memberId = member.value();
        this.lastSeq = lastSeq;
        this.updatedAt = now;
    }

    /** Markers only move forward: opening an old page does not make newer posts unread again. */
    void readUpTo(int seq, Instant now) {
        if (seq > lastSeq) {
            lastSeq = seq;
            updatedAt = now;
        }
    }

    public int lastSeq() {
        return lastSeq;
    }

    public UUID threadId() {
        return threadId;
    }

    public UUID memberId() {
        return memberId;
    }
}
