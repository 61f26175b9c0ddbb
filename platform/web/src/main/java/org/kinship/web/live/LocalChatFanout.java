package org.kinship.web.live;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kinship.platform.chat.ChatEvent;
import org.kinship.platform.chat.ChatFanout;
import org.kinship.platform.chat.RoomId;
import org.kinship.platform.chat.Sequencer;

/**
 * Fan-out inside this JVM: each event becomes one encoded frame, handed to the bounded queue of every
 * connection that should hear it. Messages of a room pass a {@link Sequencer} first, so every
 * connection receives them in sequence order even when two commits notify in the other order.
 * Handing a frame to a queue never waits, so one slow or dead connection delays nobody.
 */
@ApplicationScoped
public class LocalChatFanout implements ChatFanout {
    private static final long MAX_GAP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Inject
    LiveSessions sessions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<RoomId, Sequencer<ChatEvent.MessagePosted>> sequencers = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> sweeper;

    @Override
    public void publish(ChatEvent event) {
        if (event instanceof ChatEvent.MessagePosted posted) {
            sequenced(posted);
        } else if (event instanceof ChatEvent.MessageEdited e) {
            toRoom(e.room(), -1, new ServerFrame.Edited(e.room().toString(), e.seq(), e.html(),
                e.text(), e.editedAt()));
        } else if (event instanceof ChatEvent.MessageDeleted d) {
            toRoom(d.room(), -1, new ServerFrame.Deleted(d.room().toString(), d.seq(),
                d.byModerator()));
        } else if (event instanceof ChatEvent.ReactionChanged r) {
            toRoom(r.room(), -1, new ServerFrame.Reaction(r.room().toString(), r.seq(),
                r.kind().name(), r.count(), r.pseudonym(), r.added()));
        } else if (event instanceof ChatEvent.Typing t) {
            String text = ServerFrameEncoder.text(new ServerFrame.Typing(t.room().toString(), t.pseudonym()));
            sessions.inRoom(t.room()).stream().filter(s -> !s.isMember(t.member())).forEach(s -> s.deliver(t.room(), -1, text));
        } else if (event instanceof ChatEvent.PresenceChanged p) {
            toRoom(p.room(), -1, new ServerFrame.Presence(p.room().toString(), p.pseudonym(),
                p.here()));
        } else if (event instanceof ChatEvent.ReadUpTo r) {
            String text = ServerFrameEncoder.text(new ServerFrame.Read(r.room().toString(), r.seq()));
            sessions.ofMember(r.member()).forEach(s -> s.send(text));
        } else if (event instanceof ChatEvent.MemberRemoved removed) {
            String text = ServerFrameEncoder.text(new ServerFrame.Removed(removed.room().toString()));
            for (LiveSession s : sessions.ofMember(removed.member())) {
                if (sessions.unsubscribe(s, removed.room()) != null) {
                    s.send(text);
                }
            }
        } else if (event instanceof ChatEvent.SlowModeChanged m) {
            toRoom(m.room(), -1, new ServerFrame.SlowMode(m.room().toString(), m.seconds()));
        } else if (event instanceof ChatEvent.CrisisAlert a) {
            String text = ServerFrameEncoder.text(new ServerFrame.CrisisAlert(a.community().toString(), a.room().toString(),
                    a.kind().name(), a.pseudonym(), a.seq(), a.excerpt()));
            sessions.moderatorsOf(a.community()).forEach(s -> s.send(text));
        }
    }

    @Override
    public void joined(RoomId room, long lastSeq) {
        sequencers.computeIfAbsent(room, r -> new Sequencer<>(MAX_GAP_WAIT_NANOS, lastSeq + 1));
    }

    private void sequenced(ChatEvent.MessagePosted posted) {
        Sequencer<ChatEvent.MessagePosted> sequencer = sequencers.computeIfAbsent(posted.room(), r -> new Sequencer<>(MAX_GAP_WAIT_NANOS));
        List<ChatEvent.MessagePosted> ready;
        boolean waiting;
        // Delivery happens under the room's sequencer lock: a later message cannot overtake an earlier one.
        synchronized (sequencer) {
            ready = sequencer.offer(posted.seq(), posted, System.nanoTime());
            ready.forEach(this::deliver);
            waiting = sequencer.hasWaiting();
        }
        if (waiting) {
            startSweeper();
        }
    }

    private void deliver(ChatEvent.MessagePosted m) {
        String text = ServerFrameEncoder.text(new ServerFrame.Message(m.room().toString(), m.seq(), m.pseudonym(), m.clientId(),
                m.html(), m.text(), m.at(), null, false, false, Map.of()));
        for (LiveSession s : sessions.inRoom(m.room())) {
            s.deliver(m.room(), m.seq(), text);
        }
        if (m.recipient() != null) {
            String notice = null;
            for (LiveSession s : sessions.ofMember(m.recipient())) {
                if (!s.rooms.containsKey(m.room())) {
                    if (notice == null) {
                        notice = ServerFrameEncoder.text(new ServerFrame.DmNotice(m.room().toString(), m.pseudonym(), m.seq()));
                    }
                    s.send(notice);
                }
            }
        }
    }

    private void toRoom(RoomId room, long seq, ServerFrame frame) {
        String text = ServerFrameEncoder.text(frame);
        for (LiveSession s : sessions.inRoom(room)) {
            s.deliver(room, seq, text);
        }
    }

    /** Releases messages that waited too long for a gap (should never happen: see Sequencer). */
    private synchronized void startSweeper() {
        if (sweeper == null) {
            sweeper = scheduler.scheduleWithFixedDelay(() -> sequencers.values().forEach(sequencer -> {
                synchronized (sequencer) {
                    sequencer.expire(System.nanoTime()).forEach(this::deliver);
                }
            }), 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }
}
