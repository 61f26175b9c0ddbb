package org.kinship.web.live;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kinship.platform.chat.ChatService.MessageView;
import org.kinship.platform.community.CrisisResource;

/** What the server sends over /live, one record per frame type. {@link ServerFrameEncoder} writes them as JSON. */
public sealed interface ServerFrame {
    record Welcome(int protocol, int maxFrameChars, int maxBodyChars) implements ServerFrame {
    }

    record Joined(String ref, String room, String community, String name, String kind, String with, long lastSeq,
                  long lastRead, int slowModeSeconds, List<String> present) implements ServerFrame {
    }

    /** A message: live, from a resume backlog or in a history page. A deleted one has no words. */
    record Message(String room, long seq, String author, String clientId, String html, String text, Instant at,
                   Instant editedAt, boolean deleted, boolean deletedByModerator, Map<String, Long> reactions)
            implements ServerFrame {
        static Message of(MessageView m) {
            Map<String, Long> reactions = new java.util.TreeMap<>();
            m.reactions().forEach((k, v) -> reactions.put(k.name(), v));
            return new Message(m.room().toString(), m.seq(), m.author(), m.clientId(), m.html(), m.text(), m.at(), m.editedAt(),
                    m.deleted(), m.deletedByModerator(), reactions);
        }
    }

    /** After a resume: everything up to {@code seq} has been sent; what follows is live. */
    record CaughtUp(String ref, String room, long seq) implements ServerFrame {
    }

    /** The message with this client id is stored as {@code seq}. {@code duplicate}: it had been stored by an earlier send. */
    record Ack(String ref, String clientId, String room, long seq, boolean duplicate) implements ServerFrame {
    }

    record Edited(String room, long seq, String html, String text, Instant editedAt) implements ServerFrame {
    }

    record Deleted(String room, long seq, boolean byModerator) implements ServerFrame {
    }

    record Reaction(String room, long seq, String reaction, long count, String pseudonym, boolean on) implements ServerFrame {
    }

    record Typing(String room, String pseudonym) implements ServerFrame {
    }

    record Presence(String room, String pseudonym, boolean here) implements ServerFrame {
    }

    record Read(String room, long seq) implements ServerFrame {
    }

    record History(String ref, String room, List<Message> messages, long lastSeq) implements ServerFrame {
    }

    record Dm(String ref, String room, String community, String with) implements ServerFrame {
    }

    /** A direct message arrived in a conversation this connection has not joined. */
    record DmNotice(String room, String from, long seq) implements ServerFrame {
    }

    /** To the sender whose words suggested a crisis: the community's crisis numbers, to show beside the chat box. */
    record Crisis(String ref, String room, List<CrisisResource> resources) implements ServerFrame {
    }

    /** To moderators connected to the community. {@code excerpt} is null for a direct conversation. */
    record CrisisAlert(String community, String room, String roomKind, String pseudonym, long seq, String excerpt)
            implements ServerFrame {
    }

    record Removed(String room) implements ServerFrame {
    }

    record SlowMode(String room, int seconds) implements ServerFrame {
    }

    record Reported(String ref, String room, long seq) implements ServerFrame {
    }

    record Error(String ref, String code, String message, String logId) implements ServerFrame {
    }

    record Pong(String ref) implements ServerFrame {
    }
}
