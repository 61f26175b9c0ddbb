package org.kinship.federation.signature;

import java.time.Duration;
import java.util.Objects;

/**
 * What a signature must cover and how fresh it must be, on top of being mathematically valid.
 *
 * @param maxSkew           how far Date / created may be from our clock, either way
 * @param requireCoverage   the signature must cover the method and target, a timestamp, and
 *                          (when there is a body, or on POST) the body digest
 * @param requireBodyDigest a non-empty body must come with a Digest or Content-Digest header
 */
public record VerificationPolicy(Duration maxSkew, boolean requireCoverage, boolean requireBodyDigest) {

    /** The inbox's policy: the Fediverse's customary hour of skew, everything covered. */
    public static final VerificationPolicy INBOX = new VerificationPolicy(Duration.ofHours(1), true, true);

    /**
     * Only what the specifications themselves demand; for checking their published examples,
     * which sign less than an inbox needs (RFC 9421 B.2.1 covers no component at all).
     */
    public static final VerificationPolicy SPECIFICATION_ONLY = new VerificationPolicy(Duration.ofHours(1), false, false);

    public VerificationPolicy {
        Objects.requireNonNull(maxSkew, "maxSkew");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("maxSkew must not be negative");
        }
    }

    public VerificationPolicy withMaxSkew(Duration skew) {
        return new VerificationPolicy(skew, requireCoverage, requireBodyDigest);
    }
}
