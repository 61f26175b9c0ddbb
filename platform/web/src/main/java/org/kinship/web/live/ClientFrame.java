package org.kinship.web.live;

import org.kinship.platform.chat.RoomId;
import org.kinship.platform.error.ErrorCode;

/**
 * What a client may send over /live, one record per frame type (the {@code type} field on the wire).
 * Every frame may carry a {@code ref} of the client's choosing, echoed in an error frame about it.
 * A frame that cannot be understood decodes to {@link Refused}, so bad input is answered like any
 * other frame: with an error frame, and the connection stays open.
 */
public sealed interface ClientFrame {
    String ref();

    /** Live messages of a room from now on. */
    record Join(String ref, RoomId room) implements ClientFrame {
    }

    /** After a reconnect: every message after {@code afterSeq}, in order, then live ones; none twice. */
    record Resume(String ref, RoomId room, long afterSeq) implements ClientFrame {
    }

    record Leave(String ref, RoomId room) implements ClientFrame {
    }

    record Send(String ref, RoomId room, String clientId, String body) implements ClientFrame {
    }

    record Edit(String ref, RoomId room, long seq, String body) implements ClientFrame {
    }

    /** The author deletes their message; a moderator gives a reason. */
    record Delete(String ref, RoomId room, long seq, String reason) implements ClientFrame {
    }

    record React(String ref, RoomId room, long seq, String reaction, boolean on) implements ClientFrame {
    }

    record Typing(String ref, RoomId room) implements ClientFrame {
    }

    record Read(String ref, RoomId room, long seq) implements ClientFrame {
    }

    /** Older messages: the {@code limit} before {@code beforeSeq} (null: the latest). */
    record History(String ref, RoomId room, Long beforeSeq, Integer limit) implements ClientFrame {
    }

    /** The direct conversation with someone, by their pseudonym in a community (its slug). */
    record OpenDm(String ref, String community, String pseudonym) implements ClientFrame {
    }

    record Report(String ref, RoomId room, long seq, String reason) implements ClientFrame {
    }

    record Ping(String ref) implements ClientFrame {
    }

    /** A frame that could not be understood, and why. */
    record Refused(String ref, ErrorCode code, String message) implements ClientFrame {
    }
}
