package org.kinship.web.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.account.Caller;
import org.kinship.platform.chat.ChatService.Presence;
import org.kinship.platform.chat.RoomId;
import org.kinship.platform.chat.TokenBucket;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * One live connection: who it is, the rooms it listens to, and its own bounded queue of outgoing
 * frames, sent one at a time with the asynchronous remote. A connection whose queue fills up (a client
 * that stopped reading) is closed with {@code 1013 too_slow}; it never slows anyone else down, because
 * nothing ever waits for it.
 */
final class LiveSession {
    private static final Logger LOG = Logger.getLogger(LiveSession.class.getName());
    static final CloseReason TOO_SLOW = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too_slow");
    static final CloseReason TOO_MANY_ERRORS = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too_many_errors");

    final Session ws;
    final Caller caller;
    /** The caller's memberships when the connection opened, by community. */
    final Map<CommunityId, Presence> memberships;
    final Map<RoomId, Subscription> rooms = new ConcurrentHashMap<>();

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private Runnable whenDrained;
    private boolean inSend;
    private boolean completedInline;

    private final TokenBucket frames = new TokenBucket(ChatLimits.FRAME_BURST, ChatLimits.FRAME_PER_SECOND, System.nanoTime());
    private final ArrayDeque<Long> errors = new ArrayDeque<>();

    LiveSession(Session ws, Caller caller, List<Presence> memberships) {
        this.ws = ws;
        this.caller = caller;
        Map<CommunityId, Presence> byCommunity = new ConcurrentHashMap<>();
        memberships.forEach(p -> byCommunity.put(p.community(), p));
        this.memberships = byCommunity;
    }

    Optional<Presence> in(CommunityId community) {
        return Optional.ofNullable(memberships.get(community));
    }

    boolean isMember(MemberId member) {
        return memberships.values().stream().anyMatch(p -> p.member().equals(member));
    }

    /** One room this connection listens to, and where it stands in catching up after a resume. */
    static final class Subscription {
        final RoomId room;
        final CommunityId community;
        final MemberId member;
        final String pseudonym;
        /** Messages up to here came from the database (resume); a live copy of one of them is dropped. */
        long backlogUpTo = -1;
        boolean catchingUp;
        /** During a resume: what arrived live meanwhile, in arrival order (seq -1 for frames that are not messages). */
        final List<Buffered> buffer = new ArrayList<>();
        boolean bufferOverflowed;

        Subscription(RoomId room, CommunityId community, MemberId member, String pseudonym) {
            this.room = room;
            this.community = community;
            this.member = member;
            this.pseudonym = pseudonym;
        }
    }

    record Buffered(long seq, String text) {
    }

    /** A frame about a room: held while the room catches up, dropped if the backlog already carried it. */
    void deliver(RoomId room, long seq, String text) {
        Subscription sub = rooms.get(room);
        if (sub == null) {
            return;
        }
        synchronized (sub) {
            if (sub.catchingUp) {
                if (sub.buffer.size() >= ChatLimits.CATCH_UP_BUFFER) {
                    // The database has every message: read another page instead of holding more.
                    sub.buffer.removeIf(b -> b.seq() >= 0);
                    sub.bufferOverflowed = true;
                }
                if (seq >= 0 || sub.buffer.size() < ChatLimits.CATCH_UP_BUFFER) {
                    sub.buffer.add(new Buffered(seq, text));
                }
                return;
            }
            if (seq >= 0 && seq <= sub.backlogUpTo) {
                return;
            }
            send(text);
        }
    }

    /** Queues a frame for this connection. Never blocks. */
    void send(String text) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return;
            }
            overflow = queue.size() >= ChatLimits.SESSION_QUEUE;
            if (!overflow) {
                queue.add(text);
                if (!sending) {
                    sending = true;
                    sendNext();
                }
            }
        }
        if (overflow) {
            close(TOO_SLOW);
        }
    }

    /**
     * Sends queued frames one at a time; called with this session's lock held. The completion handler
     * sends the next one. When a send completes at once on this very thread, the loop continues here
     * instead of recursing (a long queue would otherwise grow the stack frame by frame).
     */
    private void sendNext() {
        while (true) {
            String next = queue.poll();
            if (next == null) {
                sending = false;
                return;
            }
            inSend = true;
            completedInline = false;
            try {
                ws.getAsyncRemote().sendText(next, this::sent);
            } catch (RuntimeException e) {
                // The connection is gone (closed under us); nothing else is affected.
                closed = true;
                queue.clear();
                sending = false;
                return;
            } finally {
                inSend = false;
            }
            if (!completedInline) {
                return;
            }
        }
    }

    private void sent(jakarta.websocket.SendResult result) {
        Runnable drained = null;
        synchronized (this) {
            if (!result.isOK()) {
                closed = true;
                queue.clear();
                sending = false;
                return;
            }
            if (inSend) {
                completedInline = true;
            } else {
                sendNext();
            }
            if (whenDrained != null && queue.size() <= ChatLimits.SESSION_QUEUE / 4) {
                drained = whenDrained;
                whenDrained = null;
            }
        }
        if (drained != null) {
            drained.run();
        }
    }

    /** Runs {@code action} now if the queue has room for a page of backlog, or as soon as it has drained. */
    void whenRoomFor(int frames, Runnable action) {
        boolean now;
        synchronized (this) {
            if (closed) {
                return;
            }
            now = queue.size() + frames <= ChatLimits.SESSION_QUEUE;
            if (!now) {
                whenDrained = action;
            }
        }
        if (now) {
            action.run();
        }
    }

    synchronized int queued() {
        return queue.size();
    }

    /** Whether this frame is within the connection's frame rate. */
    synchronized boolean allowFrame() {
        return frames.tryTake(System.nanoTime());
    }

    /** Counts an error frame; true when the client has had too many in the window and should be closed. */
    synchronized boolean countError() {
        long now = System.nanoTime();
        errors.add(now);
        while (!errors.isEmpty() && now - errors.peekFirst() > ChatLimits.ERROR_WINDOW_NANOS) {
            errors.pollFirst();
        }
        return errors.size() >= ChatLimits.MAX_ERRORS;
    }

    /** Closes with a reason code the client can act on (resume after too_slow; stop after too_many_errors). */
    void close(CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        try {
            ws.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a live connection failed", e);
        }
    }

    synchronized boolean isClosed() {
        return closed || !ws.isOpen();
    }
}
