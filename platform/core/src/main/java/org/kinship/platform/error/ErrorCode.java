package org.kinship.platform.error;

/**
 * The one error vocabulary of Kinship. Each code is stable: clients switch on it, so a code is
 * never renamed or reused for a different meaning. The HTTP status travels with the code so that
 * every layer maps the same failure to the same answer.
 */
public enum ErrorCode {
    // 400: the request itself is wrong
    MALFORMED_REQUEST(400),
    VALIDATION_FAILED(400),
    PSEUDONYM_INVALID(400),
    PSEUDONYM_RESERVED(400),
    SLUG_INVALID(400),
    INVITATION_INVALID(400),
    TITLE_INVALID(400),
    BODY_INVALID(400),
    CONTENT_WARNING_INVALID(400),
    REACTION_INVALID(400),
    REASON_REQUIRED(400),
    EMAIL_INVALID(400),
    /** Chat: a message body over the limit (see ChatBody.MAX_LENGTH), or a WebSocket frame over the frame limit. */
    MESSAGE_TOO_LARGE(400),
    /** Chat: a WebSocket frame that is not a JSON object of the expected shape. */
    MALFORMED_FRAME(400),
    /** Chat: a WebSocket frame whose {@code type} the server does not know. */
    UNKNOWN_MESSAGE_TYPE(400),
    /** Meetups: the end is not after the start. */
    END_BEFORE_START(400),
    /** Meetups: a new meetup (or a new time for one) that would start in the past. */
    START_IN_PAST(400),
    /** Meetups: a recurrence rule that is not RFC 5545, recurs more often than daily, or never gives the start date. */
    RECURRENCE_INVALID(400),
    /** Meetups: neither an address nor an online link. */
    PLACE_REQUIRED(400),
    /** Meetups: an RSVP that is not GOING, MAYBE or NOT_GOING. */
    ANSWER_INVALID(400),

    // 401/403: who is asking
    NOT_AUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_A_MEMBER(403),
    INVITATION_REQUIRED(403),
    NOT_AUTHOR(403),
    CATEGORY_CLOSED(403),
    MEMBER_MUTED(403),
    MEMBER_BANNED(403),
    CANNOT_REPORT_OWN_POST(403),
    NOT_IN_CIRCLE(403),
    /** Chat: the room exists for this member, but they are not (or no longer) in it. */
    NOT_IN_ROOM(403),
    /** Chat: the other member does not take direct messages from this member (their preference). */
    DM_NOT_ALLOWED(403),
    CANNOT_REPORT_OWN_MESSAGE(403),
    /** Meetups: only moderators and admins organise meetups here (the admins did not open it to members). */
    CANNOT_ORGANISE(403),

    // 404
    NOT_FOUND(404),
    COMMUNITY_NOT_FOUND(404),
    /** Plugins: no plugin with this id is loaded on this server. */
    PLUGIN_NOT_FOUND(404),
    MEMBER_NOT_FOUND(404),
    INVITATION_NOT_FOUND(404),
    CATEGORY_NOT_FOUND(404),
    THREAD_NOT_FOUND(404),
    POST_NOT_FOUND(404),
    REPORT_NOT_FOUND(404),
    ROOM_NOT_FOUND(404),
    MESSAGE_NOT_FOUND(404),
    MEETUP_NOT_FOUND(404),
    /** Meetups: no such date of this meetup. */
    OCCURRENCE_NOT_FOUND(404),
    /** Meetups: no such request for company, or not one this member can see. */
    COMPANY_REQUEST_NOT_FOUND(404),
    /** Meetups: a calendar feed address that is unknown or was regenerated. */
    FEED_NOT_FOUND(404),

    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),

    // 409/410: the request is fine but the state of things says no
    PSEUDONYM_TAKEN(409),
    SLUG_TAKEN(409),
    ALREADY_MEMBER(409),
    APPLICATION_PENDING(409),
    NOT_PENDING(409),
    LAST_ADMIN(409),
    INVITATION_EXPIRED(410),
    INVITATION_USED_UP(410),
    INVITATION_REVOKED(410),
    THREAD_LOCKED(409),
    REPLY_TARGET_GONE(409),
    POST_DELETED(410),
    CATEGORY_NAME_TAKEN(409),
    CATEGORY_NOT_EMPTY(409),
    ALREADY_IN_CIRCLE(409),
    NOT_INVITED(409),
    /** Two people changed the same thing at the same moment; trying again works. */
    CONCURRENT_UPDATE(409),
    /** Plugins: the plugin exists on this server but this community has not switched it on. */
    PLUGIN_NOT_ENABLED(409),
    /** Plugins: its data can be deleted only while it is switched off. */
    PLUGIN_ENABLED(409),
    ROOM_NAME_TAKEN(409),
    MESSAGE_DELETED(410),
    /** Meetups: the organiser would set the capacity below the number of people already going. */
    CAPACITY_BELOW_GOING(409),
    /** Meetups: the meetup (or this date of it) was cancelled. */
    MEETUP_CANCELLED(409),
    /** Meetups: this date is over; answers and changes are closed. */
    MEETUP_OVER(409),
    /** Meetups: going together needs an answer of going (or maybe) first. */
    NOT_ATTENDING(409),
    /** Meetups: the request for company was already answered by someone else, or withdrawn. */
    COMPANY_REQUEST_CLOSED(409),
    /** Forum: a closed circle, or a thread the moderators hid, cannot be shared beyond the community (nor asked to be). */
    THREAD_NOT_SHAREABLE(409),
    /** Forum: a moderator asks the author to share a thread that the author already shares. */
    THREAD_ALREADY_SHARED(409),
    /** Forum: the author declines a request to share that nobody made (or that they already answered). */
    SHARE_NOT_REQUESTED(409),
    /** Forum: the thread's author left the community or deleted their account, so they cannot be asked anything. */
    AUTHOR_GONE(409),

    UNSUPPORTED_MEDIA_TYPE(415),

    // Federation (the admin's settings; the inbox answers peers with its own reason codes in the same shape)
    /** Not a host name, an https actor id or a handle (name@host) that federation can use. */
    FEDERATION_TARGET_INVALID(400),
    /** Following a remote community needs federation switched on for this community first. */
    FEDERATION_OFF(409),
    /** The follow or allow/block entry named does not exist in this community. */
    FEDERATION_ENTRY_NOT_FOUND(404),
    /** The remote server could not be reached or did not answer with a usable actor. */
    REMOTE_LOOKUP_FAILED(502),
    /** A remote actor this community may not talk to: blocked, or not on the allow-list. */
    REMOTE_NOT_ALLOWED(403),

    // 429: too much, too fast
    /** Chat: more frames or messages than the per-member limit allows; wait a moment. */
    RATE_LIMITED(429),
    /** Chat: the room is in slow mode and this member wrote there less than its interval ago. */
    SLOW_MODE(429),

    // 5xx: our fault, never the client's
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The wire form: lower-case with underscores, e.g. {@code pseudonym_taken}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
