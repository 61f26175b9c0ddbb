package org.kinship.federation.signature;

import java.util.Objects;

/** The outcome of checking a message's signature: who signed it, or why we refuse it. */
public sealed interface VerificationResult {

    boolean isVerified();

    /** Which specification the verified signature followed. */
    enum Scheme { CAVAGE_12, RFC_9421 }

    /**
     * @param keyId   the key that signed, as the signature named it
     * @param ownerId the actor that owns the key, as the {@link KeyResolver} said
     * @param scheme  which signature header format carried it
     */
    record Verified(String keyId, String ownerId, Scheme scheme) implements VerificationResult {
        public Verified {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(scheme, "scheme");
        }

        @Override
        public boolean isVerified() {
            return true;
        }
    }

    /** @param message a human sentence, safe to return to the sender (no stack traces, no secrets) */
    record Refused(RefusalReason reason, String message) implements VerificationResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isVerified() {
            return false;
        }
    }

    static Refused refuse(RefusalReason reason, String message) {
        return new Refused(reason, message);
    }
}
