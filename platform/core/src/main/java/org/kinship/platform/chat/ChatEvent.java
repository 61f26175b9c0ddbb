package org.kinship.platform.chat;

import java.time.Instant;
import java.util.Set;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.forum.ReactionKind;

/**
 * What happened in chat. Fired inside the use case's transaction; observed after commit
 * ({@code TransactionPhase.AFTER_SUCCESS}) by the edge that hands it to the {@link ChatFanout}, so
 * nobody is ever told about a message that was not stored. Each event carries what its frame shows,
 * so delivering it needs no database.
 */
public sealed interface ChatEvent {
    /** The room whose subscribers hear about it (null for events addressed otherwise). */
    RoomId room();

    /** {@code recipient}: in a direct conversation, the other of the two (told even when not in the room right now). */
    record MessagePosted(CommunityId community, RoomId room, long seq, MemberId author, String pseudonym, String clientId,
                         String html, String text, Instant at, MemberId recipient) implements ChatEvent {
    }

    record MessageEdited(RoomId room, long seq, String html, String text, Instant editedAt) implements ChatEvent {
    }

    record MessageDeleted(RoomId room, long seq, boolean byModerator) implements ChatEvent {
    }

    /** The counts of one reaction kind on a message after someone added or took back theirs. */
    record ReactionChanged(RoomId room, long seq, ReactionKind kind, long count, String pseudonym, boolean added)
            implements ChatEvent {
    }

    /** A member read up to seq: told to that member's own connections (their other devices). */
    record ReadUpTo(RoomId room, MemberId member, long seq) implements ChatEvent {
    }

    /** Someone is typing; not stored. */
    record Typing(RoomId room, MemberId member, String pseudonym) implements ChatEvent {
    }

    /** Someone's first connection joined a room, or their last one left it (presence is by pseudonym only). */
    record PresenceChanged(RoomId room, String pseudonym, boolean here) implements ChatEvent {
    }

    /** A moderator removed a member from a room: their connections stop hearing it. */
    record MemberRemoved(RoomId room, MemberId member) implements ChatEvent {
    }

    record SlowModeChanged(RoomId room, int seconds) implements ChatEvent {
    }

    /**
     * Crisis language in a message: moderators of the community who are connected are alerted at once
     * (an urgent queue item is written in the same transaction). In a direct conversation the alert
     * names the member and not the words: moderators do not read direct messages.
     */
    record CrisisAlert(CommunityId community, RoomId room, RoomKind kind, long seq, java.util.UUID messageId,
                       MemberId author, String pseudonym, String excerpt, Set<String> phrases) implements ChatEvent {
    }
}
