package org.kinship.web.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.websocket.Session;
import java.security.Principal;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.account.AccountService;
import org.kinship.platform.account.Caller;
import org.kinship.platform.chat.ChatBody;
import org.kinship.platform.chat.ChatEvent;
import org.kinship.platform.chat.ChatFanout;
import org.kinship.platform.chat.ChatService;
import org.kinship.platform.chat.ChatService.MessageView;
import org.kinship.platform.chat.RoomId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.forum.ReactionKind;
import org.kinship.platform.moderation.ChatModeration;

/**
 * What each client frame does: check, call the use case, answer the sender. Everyone else hears of
 * it through the {@link ChatFanout}, never from here directly. Every refusal is an error frame with a
 * stable code and the connection stays open, unless the client keeps sending refused frames.
 */
@ApplicationScoped
public class ChatFrames {
    /** The protocol version in the welcome frame; bumped only for changes a client must know about. */
    static final int PROTOCOL = 1;
    private static final Logger LOG = Logger.getLogger(ChatFrames.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    ChatService chat;

    @Inject
    ChatModeration moderation;

    @Inject
    ChatFanout fanout;

    @Inject
    LiveSessions sessions;

    @Resource
    ManagedExecutorService executor;

    void open(Session ws, Principal principal) {
        Caller caller = new Caller(accounts.idOf(principal.getName()), false);
        LiveSession session = new LiveSession(ws, caller, chat.memberships(caller));
        sessions.opened(session);
        session.send(ServerFrameEncoder.text(new ServerFrame.Welcome(PROTOCOL, ClientFrameDecoder.MAX_FRAME_CHARS, ChatBody.MAX_LENGTH)));
    }

    void closed(Session ws) {
        for (LiveSession.Subscription sub : sessions.closed(ws)) {
            if (!sessions.memberPresent(sub.room, sub.member, null)) {
                fanout.publish(new ChatEvent.PresenceChanged(sub.room, sub.pseudonym, false));
            }
        }
    }

    void handle(Session ws, ClientFrame frame) {
        LiveSession s = sessions.of(ws);
        if (s == null) {
            return;
        }
        if (!s.allowFrame()) {
            error(s, frame.ref(), ErrorCode.RATE_LIMITED, "Too many frames; please slow down.");
            return;
        }
        try {
            dispatch(s, frame);
        } catch (RuntimeException e) {
            refused(s, frame.ref(), e);
        }
    }

    private void dispatch(LiveSession s, ClientFrame frame) {
        Caller caller = s.caller;
        if (frame instanceof ClientFrame.Join join) {
            subscribe(s, join.room(), join.ref(), null);
        } else if (frame instanceof ClientFrame.Resume resume) {
            subscribe(s, resume.room(), resume.ref(), Math.max(0, resume.afterSeq()));
        } else if (frame instanceof ClientFrame.Leave leave) {
            LiveSession.Subscription sub = sessions.unsubscribe(s, leave.room());
            if (sub != null && !sessions.memberPresent(sub.room, sub.member, null)) {
                fanout.publish(new ChatEvent.PresenceChanged(sub.room, sub.pseudonym, false));
            }
        } else if (frame instanceof ClientFrame.Send send) {
            ChatService.Sent sent = chat.send(caller, send.room(), send.clientId(), send.body());
            s.send(ServerFrameEncoder.text(new ServerFrame.Ack(send.ref(), sent.message().clientId(), send.room().toString(),
                    sent.message().seq(), sent.duplicate())));
            crisis(s, send.ref(), send.room(), sent);
        } else if (frame instanceof ClientFrame.Edit edit) {
            crisis(s, edit.ref(), edit.room(), chat.edit(caller, edit.room(), edit.seq(), edit.body()));
        } else if (frame instanceof ClientFrame.Delete delete) {
            if (delete.reason() != null) {
                moderation.deleteMessage(caller, delete.room(), delete.seq(), delete.reason());
            } else {
                chat.delete(caller, delete.room(), delete.seq());
            }
        } else if (frame instanceof ClientFrame.React react) {
            chat.react(caller, react.room(), react.seq(), ReactionKind.parse(react.reaction()), react.on());
        } else if (frame instanceof ClientFrame.Typing typing) {
            LiveSession.Subscription sub = s.rooms.get(typing.room());
            if (sub == null) {
                throw new KinshipException(ErrorCode.NOT_IN_ROOM, "Join the room first.");
            }
            fanout.publish(new ChatEvent.Typing(sub.room, sub.member, sub.pseudonym));
        } else if (frame instanceof ClientFrame.Read read) {
            chat.markRead(caller, read.room(), read.seq());
        } else if (frame instanceof ClientFrame.History history) {
            ChatService.Page page = chat.history(caller, history.room(), history.beforeSeq(), history.limit());
            s.send(ServerFrameEncoder.text(new ServerFrame.History(history.ref(), history.room().toString(),
                    page.messages().stream().map(ServerFrame.Message::of).toList(), page.lastSeq())));
        } else if (frame instanceof ClientFrame.OpenDm open) {
            ChatService.Direct direct = chat.openDirect(caller, String.valueOf(open.community()), open.pseudonym());
            s.send(ServerFrameEncoder.text(new ServerFrame.Dm(open.ref(), direct.room().id().toString(),
                    String.valueOf(open.community()), direct.with())));
        } else if (frame instanceof ClientFrame.Report report) {
            moderation.report(caller, report.room(), report.seq(), report.reason());
            s.send(ServerFrameEncoder.text(new ServerFrame.Reported(report.ref(), report.room().toString(), report.seq())));
        } else if (frame instanceof ClientFrame.Ping ping) {
            s.send(ServerFrameEncoder.text(new ServerFrame.Pong(ping.ref())));
        } else if (frame instanceof ClientFrame.Refused refused) {
            error(s, refused.ref(), refused.code(), refused.message());
        }
    }

    private void crisis(LiveSession s, String ref, RoomId room, ChatService.Sent sent) {
        if (!sent.crisisSupport().isEmpty()) {
            s.send(ServerFrameEncoder.text(new ServerFrame.Crisis(ref, room.toString(), sent.crisisSupport())));
        }
    }

    // ---- joining and resuming ----

    /**
     * Listens to a room. With {@code afterSeq} (a resume), the connection first receives every message
     * after it from the database, a page at a time as its queue drains, while live messages are held;
     * then the held ones it has not already had, then {@code caught_up}, then live ones. The subscription
     * exists before the first page is read, so nothing committed in between can fall through.
     */
    private void subscribe(LiveSession s, RoomId room, String ref, Long afterSeq) {
        ChatService.Joined joined = chat.join(s.caller, room);
        var p = joined.participant();
        boolean wasHere = sessions.memberPresent(room, p.id(), null);
        LiveSession.Subscription sub = new LiveSession.Subscription(room, p.community().id(), p.id(), p.pseudonym());
        sub.catchingUp = afterSeq != null;
        fanout.joined(room, p.room().lastSeq());
        sessions.subscribe(s, sub);
        s.send(ServerFrameEncoder.text(new ServerFrame.Joined(ref, room.toString(), p.community().slug().value(), p.room().name(),
                p.room().kind().name(), joined.with(), p.room().lastSeq(), p.lastRead(), p.room().slowModeSeconds(),
                sessions.present(room))));
        if (!wasHere) {
            fanout.publish(new ChatEvent.PresenceChanged(room, p.pseudonym(), true));
        }
        if (afterSeq != null) {
            pump(s, sub, afterSeq, ref);
        }
    }

    private void pump(LiveSession s, LiveSession.Subscription sub, long after, String ref) {
        if (s.isClosed() || s.rooms.get(sub.room) != sub) {
            return;
        }
        ChatService.Page page = chat.missed(s.caller, sub.room, after, ChatLimits.BACKLOG_PAGE);
        long last = after;
        for (MessageView m : page.messages()) {
            s.send(ServerFrameEncoder.text(ServerFrame.Message.of(m)));
            last = m.seq();
        }
        if (page.messages().size() < ChatLimits.BACKLOG_PAGE) {
            synchronized (sub) {
                if (!sub.bufferOverflowed && s.queued() + sub.buffer.size() > ChatLimits.SESSION_QUEUE) {
                    // Flushing what was held would overflow this connection: take the messages from the database instead.
                    sub.buffer.removeIf(b -> b.seq() >= 0);
                    sub.bufferOverflowed = true;
                }
                if (!sub.bufferOverflowed) {
                    long upTo = last;
                    for (LiveSession.Buffered b : sub.buffer) {
                        if (b.seq() < 0 || b.seq() > last) {
                            s.send(b.text());
                            upTo = Math.max(upTo, b.seq());
                        }
                    }
                    sub.buffer.clear();
                    sub.backlogUpTo = last;
                    sub.catchingUp = false;
                    s.send(ServerFrameEncoder.text(new ServerFrame.CaughtUp(ref, sub.room.toString(), upTo)));
                    return;
                }
                sub.bufferOverflowed = false;
            }
        }
        long from = last;
        s.whenRoomFor(ChatLimits.BACKLOG_PAGE, () -> executor.execute(() -> {
            try {
                pump(s, sub, from, ref);
            } catch (RuntimeException e) {
                sessions.unsubscribe(s, sub.room);
                refused(s, ref, e);
            }
        }));
    }

    // ---- errors ----

    private void refused(LiveSession s, String ref, RuntimeException e) {
        KinshipException expected = find(e, KinshipException.class);
        if (expected != null) {
            error(s, ref, expected.code(), expected.getMessage());
        } else if (find(e, OptimisticLockException.class) != null || find(e, PersistenceException.class) != null) {
            error(s, ref, ErrorCode.CONCURRENT_UPDATE, "Someone changed this at the same moment, so nothing was saved. Please try again.");
        } else {
            String logId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error " + logId, e);
            s.send(ServerFrameEncoder.text(new ServerFrame.Error(ref, ErrorCode.INTERNAL_ERROR.wireName(),
                    "Something went wrong on our side and nothing was changed. Please try again.", logId)));
        }
    }

    private void error(LiveSession s, String ref, ErrorCode code, String message) {
        s.send(ServerFrameEncoder.text(new ServerFrame.Error(ref, code.wireName(), message, null)));
        if (s.countError()) {
            s.close(LiveSession.TOO_MANY_ERRORS);
        }
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
