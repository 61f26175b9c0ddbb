package org.kinship.web.live;

/**
 * The live connection's limits, read once from system properties (set from environment variables by
 * deploy/wildfly/configure.cli; see README, Configuration). The per-member message limit is in
 * {@link org.kinship.platform.chat.ChatRateLimiter}.
 */
final class ChatLimits {
    /** Frames waiting to be sent to one connection; a connection that falls further behind is closed (it can resume). */
    static final int SESSION_QUEUE = Integer.getInteger("kinship.chat.session-queue", 1000);
    /** Frames of any type one connection may send: a burst, then a rate. Beyond it: {@code rate_limited}. */
    static final int FRAME_BURST = Integer.getInteger("kinship.chat.frame.burst", 60);
    static final double FRAME_PER_SECOND = Double.parseDouble(System.getProperty("kinship.chat.frame.per-second", "20"));
    /** This many error frames within {@link #ERROR_WINDOW_NANOS} and the connection is closed ({@code too_many_errors}). */
    static final int MAX_ERRORS = Integer.getInteger("kinship.chat.max-errors", 20);
    static final long ERROR_WINDOW_NANOS = 60_000_000_000L;
    /** Frames longer than this the container itself refuses by closing with 1009; up to it, the decoder answers with an error frame. */
    static final int CONTAINER_MAX_FRAME = 65_536;
    /** Messages per page of a resume backlog: at most half a queue, so a page always fits. */
    static final int BACKLOG_PAGE = Math.max(1, Math.min(200, SESSION_QUEUE / 2));
    /** Live frames held for a room while it catches up; beyond this the messages are read from the database instead. */
    static final int CATCH_UP_BUFFER = Math.max(1, SESSION_QUEUE / 4);

    private ChatLimits() {
    }
}
