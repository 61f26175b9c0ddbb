package org.kinship.federation.delivery;

/**
 * Why an outbound request did not bring back what was asked for. The code is stable: it goes
 * into the outbox's operator view and the logs, so callers compare codes, never messages.
 *
 * <p>{@link #isTransient()} says whether trying again later can help. The server's
 * {@code KeyResolver} uses it to tell "key unavailable" (retry) from "no such key".
 */
public enum OutboundProblem {

    // --- refused by AddressPolicy before any connection ---
    /** Not an absolute URL with a host Kinship can name (user info, no host, not a URI at all). */
    INVALID_URL("invalid_url", false),
    /** Not https (nor http where the operator allowed plain http). */
    SCHEME_NOT_ALLOWED("scheme_not_allowed", false),
    /** The host did not resolve. Transient: Java cannot tell NXDOMAIN from a DNS hiccup. */
    UNKNOWN_HOST("unknown_host", true),
    LOOPBACK_ADDRESS("loopback_address", false),
    /** RFC 1918, CGNAT 100.64/10, IPv6 unique-local fc00::/7 and the old site-local fec0::/10. */
    PRIVATE_ADDRESS("private_address", false),
    /** 169.254/16 and fe80::/10: where cloud metadata services live, so never allowed. */
    LINK_LOCAL_ADDRESS("link_local_address", false),
    /** Unspecified, 0/8, multicast, broadcast, documentation, benchmarking, reserved ranges. */
    RESERVED_ADDRESS("reserved_address", false),

    // --- refused by this server's own state, without a connection ---
    /** The host failed repeatedly and is left alone until a time {@link HostHealth} knows. */
    HOST_RESTING("host_resting", true),
    /** As many requests to that host are already in flight as the per-host limit allows. */
    HOST_BUSY("host_busy", true),

    // --- the network ---
    /** No connection or no complete answer within the configured time. */
    TIMEOUT("timeout", true),
    /** Connection refused, reset or closed before an answer. */
    CONNECTION_FAILED("connection_failed", true),
    /** The TLS handshake failed (untrusted or expired certificate, wrong host name, no common cipher). */
    TLS_FAILED("tls_failed", true),
    /** The calling thread was interrupted; its interrupt flag is set again. */
    INTERRUPTED("interrupted", true),

    // --- the answer ---
    SERVER_ERROR("server_error", true),
    /** HTTP 408. */
    REQUEST_TIMEOUT("request_timeout", true),
    /** HTTP 429. */
    RATE_LIMITED("rate_limited", true),
    /** HTTP 410: the actor or inbox is gone for good. */
    GONE("gone", false),
    /** Any other 4xx: the peer will not take it, and will not later either. */
    CLIENT_ERROR("client_error", false),
    /** A status that makes no sense here (1xx, a 3xx on a POST). */
    UNEXPECTED_STATUS("unexpected_status", false),
    /** A fetched body larger than the limit. */
    TOO_LARGE("too_large", false),
    TOO_MANY_REDIRECTS("too_many_redirects", false),
    /** A redirect without a usable Location. */
    BAD_REDIRECT("bad_redirect", false),
    /** A fetched body that is not ActivityStreams JSON (HTML login pages, mostly). */
    WRONG_CONTENT_TYPE("wrong_content_type", false),

    /** A bug here or in the JDK's client: retried, so that a fix rescues the queued deliveries. */
    UNEXPECTED_ERROR("unexpected_error", true);

    private final String code;
    private final boolean isTransient;

    OutboundProblem(String code, boolean isTransient) {
        this.code = code;
        this.isTransient = isTransient;
    }

    public String code() {
        return code;
    }

    /** Whether the same request may succeed later without anything changing on our side. */
    public boolean isTransient() {
        return isTransient;
    }

    /** Whether {@link AddressPolicy} raised it (before any connection was attempted). */
    public boolean isAddressRefusal() {
        return ordinal() <= RESERVED_ADDRESS.ordinal();
    }
}
