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
}
