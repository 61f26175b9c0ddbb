package org.kinship.federation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one delivery attempt. The outbox consumer switches on {@link #kind()}; the
 * rest is for the schedule ({@link #retryAt()}) and the operator view.
 *
 * @param kind            what the outbox should do next
 * @param problem         why it was not delivered; empty exactly when {@code kind} is DELIVERED
 * @param status          the HTTP status, or -1 when no answer came
 * @param retryAt         the earliest time worth trying again: the peer's Retry-After, the end of
 *                        the host's rest, or a few seconds for a busy host; empty when the peer
 *                        said nothing (the {@link Backoff} decides then)
 * @param detail          one sentence for the operator
 * @param responseExcerpt at most 200 characters of the peer's answer body, control characters
 *                        replaced; empty when there was none
 * @param elapsed         from the call to the outcome, policy checks included
 */
public record DeliveryOutcome(Kind kind, Optional<OutboundProblem> problem, int status, Optional<Instant> retryAt,
                              String detail, String responseExcerpt, Duration elapsed) {

    /** What the outbox should do next. */
    public enum Kind {
        /** 2xx: done. */
        DELIVERED,
        /** 5xx, 408, 429, a network or TLS failure, a resting or busy host: try again later. */
        RETRY_LATER,
        /** 410: the inbox is gone; stop delivering to it (and consider removing the follower). */
        GONE,
        /** Any other 4xx: the peer will not take this activity; keep status and excerpt for the operator. */
        REFUSED,
        /** {@link AddressPolicy} refused the inbox URL; nothing was sent. */
        NOT_ALLOWED
    }

    public DeliveryOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(responseExcerpt, "responseExcerpt");
        Objects.requireNonNull(elapsed, "elapsed");
        if (problem.isEmpty() != (kind == Kind.DELIVERED)) {
            throw new IllegalArgumentException("a problem goes with every kind but DELIVERED");
        }
    }

    static DeliveryOutcome delivered(int status, Duration elapsed) {
        return new DeliveryOutcome(Kind.DELIVERED, Optional.empty(), status, Optional.empty(),
                "Delivered (HTTP " + status + ").", "", elapsed);
    }

    static DeliveryOutcome failed(OutboundProblem problem, int status, Optional<Instant> retryAt, String detail,
                                  String responseExcerpt, Duration elapsed) {
        return new DeliveryOutcome(kindOf(problem), Optional.of(problem), status, retryAt, detail, responseExcerpt, elapsed);
    }

    static Kind kindOf(OutboundProblem problem) {
        if (problem == OutboundProblem.GONE) {
            return Kind.GONE;
        }
        if (problem.isTransient()) {
            // unknown_host included: Java cannot tell a vanished domain from a DNS hiccup, and
            // the Backoff window ends the retries of a domain that is really gone.
            return Kind.RETRY_LATER;
        }
        return problem.isAddressRefusal() ? Kind.NOT_ALLOWED : Kind.REFUSED;
    }

    /**
     * Whether a request was sent or a connection tried. False for address refusals and for a
     * resting or busy host: the outbox may leave such a try out of the attempt count.
     */
    public boolean attempted() {
        if (problem.isEmpty()) {
            return true;
        }
        OutboundProblem p = problem.get();
        return !p.isAddressRefusal() && p != OutboundProblem.HOST_RESTING && p != OutboundProblem.HOST_BUSY;
    }
}
