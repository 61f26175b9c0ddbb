package org.kinship.federation.signature;

/**
 * Why an incoming signature was refused. The code is stable (it goes into the JSON error body
 * and the logs); the HTTP status is what the inbox answers.
 *
 * <p>400 means the request is malformed whoever sent it; 401 that it does not prove who sent it;
 * 403 that it proves someone other than the actor the activity names.
 */
public enum RefusalReason {
    SIGNATURE_MISSING("signature_missing", 401),
    SIGNATURE_MALFORMED("signature_malformed", 400),
    ALGORITHM_UNSUPPORTED("algorithm_unsupported", 400),
    COMPONENT_UNSUPPORTED("component_unsupported", 400),
    /** The signature does not cover what the policy requires (target, digest, timestamp). */
    COVERAGE_INSUFFICIENT("coverage_insufficient", 401),
    /** A covered header or component is absent from the message. */
    COVERED_HEADER_MISSING("covered_header_missing", 400),
    DIGEST_MISSING("digest_missing", 400),
    DIGEST_UNSUPPORTED("digest_unsupported", 400),
    DIGEST_MISMATCH("digest_mismatch", 400),
    TIMESTAMP_MISSING("timestamp_missing", 401),
    DATE_MALFORMED("date_malformed", 400),
    /** Date or created more than the allowed skew away from our clock. */
    DATE_SKEWED("date_skewed", 401),
    SIGNATURE_EXPIRED("signature_expired", 401),
    KEY_UNKNOWN("key_unknown", 401),
    /**
     * The key could not be looked up just now (network, remote error): worth a retry, so 503 rather than a 401,
     * which peers take as final and drop the activity.
     */
    KEY_UNAVAILABLE("key_unavailable", 503),
    /** The key's type does not fit the algorithm. */
    KEY_UNUSABLE("key_unusable", 401),
    SIGNATURE_INVALID("signature_invalid", 401),
    SIGNATURE_REPLAYED("signature_replayed", 401),
    KEY_OWNER_MISMATCH("key_owner_mismatch", 403);

    private final String code;
    private final int httpStatus;

    RefusalReason(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
