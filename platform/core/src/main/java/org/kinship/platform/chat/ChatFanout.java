package org.kinship.platform.chat;

/**
 * Delivers what happened in chat to everyone connected who should hear it. The one way out: the
 * WebSocket endpoint never writes to another person's connection itself. Today one in-JVM
 * implementation serves one node; a cluster can back this by a Jakarta Messaging topic (publish on
 * one node, deliver locally on each) without touching the endpoint.
 */
public interface ChatFanout {
    /** Called after the event's transaction committed (or at once, for events nothing stores). Never blocks on a slow client. */
    void publish(ChatEvent event);

    /**
     * A connection joined {@code room} after reading that its last message is {@code lastSeq}: messages
     * after it are to reach it in order from {@code lastSeq + 1}, even the first two this node hears of.
     */
    default void joined(RoomId room, long lastSeq) {
    }
}
