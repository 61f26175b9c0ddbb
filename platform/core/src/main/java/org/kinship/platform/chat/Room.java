package org.kinship.platform.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * A chat room of a community. The room hands out its messages' sequence numbers: {@link #allocateSeq()}
 * is called only while the room row is locked (see {@link ChatRepository#lockRoom}), so numbers are
 * gap-free and strictly increasing in commit order. There is deliberately no {@code @Version}: every
 * change to a room happens under that lock.
 */
@Entity
@Table(name = "chat_room")
public class Room {
    public static final int MAX_NAME = 80;
    public static final int MAX_SLOW_MODE_SECONDS = 3600;

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private RoomKind kind;

    @Column(name = "direct_key", length = 80, updatable = false)
    private String directKey;

    @Column(name = "slow_mode_seconds", nullable = false)
    private int slowModeSeconds;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Room() {
    }

    private Room(CommunityId community, String name, RoomKind kind, String directKey, int slowModeSeconds, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.name = name;
        this.kind = kind;
        this.directKey = directKey;
        this.slowModeSeconds = checkedSlowMode(slowModeSeconds);
        this.lastSeq = 0;
        this.createdAt = now;
    }

    /** A public or restricted room, named by an admin. */
    public static Room named(CommunityId community, String name, RoomKind kind, int slowModeSeconds, Instant now) {
        if (Objects.requireNonNull(kind) == RoomKind.DIRECT) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A room is PUBLIC or RESTRICTED; direct messages open themselves.");
        }
        String checked = Text.singleLine(ErrorCode.VALIDATION_FAILED, "the room name", name, MAX_NAME);
        if (checked == null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A room needs a name.");
        }
        return new Room(community, checked, kind, null, slowModeSeconds, now);
    }

    /** The conversation between two members. */
    public static Room direct(CommunityId community, MemberId a, MemberId b, Instant now) {
        return new Room(community, null, RoomKind.DIRECT, directKey(a, b), 0, now);
    }

    /** The same key whichever of the two opens the conversation: the unique constraint makes it one room per pair. */
    public static String directKey(MemberId a, MemberId b) {
        if (a.equals(b)) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A direct message needs someone else.");
        }
        String x = a.toString();
        String y = b.toString();
        return x.compareTo(y) < 0 ? x + ":" + y : y + ":" + x;
    }

    /** The next sequence number. Only under the room lock. */
    long allocateSeq() {
        return ++lastSeq;
    }

    /** A moderator slows the room down: each member may write once per interval (0 turns it off). */
    public void slowMode(int seconds) {
        this.slowModeSeconds = checkedSlowMode(seconds);
    }

    private static int checkedSlowMode(int seconds) {
        if (seconds < 0 || seconds > MAX_SLOW_MODE_SECONDS) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Slow mode is from 0 (off) to " + MAX_SLOW_MODE_SECONDS + " seconds.");
        }
        return seconds;
    }

    public RoomId id() {
        return new RoomId(id);
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public String name() {
        return name;
    }

    public RoomKind kind() {
        return kind;
    }

    public boolean isDirect() {
        return kind == RoomKind.DIRECT;
    }

    /** For a direct conversation: whether this member is one of the two. */
    public boolean isBetween(MemberId member) {
        return directKey != null && directKey.contains(member.toString());
    }

    /** For a direct conversation: the other of the two. */
    public MemberId other(MemberId me) {
        if (!isBetween(me)) {
            throw new IllegalStateException("not a member of this conversation");
        }
        String[] two = directKey.split(":");
        return MemberId.parse(two[0].equals(me.toString()) ? two[1] : two[0]);
    }

    public int slowModeSeconds() {
        return slowModeSeconds;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
