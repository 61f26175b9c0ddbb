package org.kinship.federation.signature;

import java.util.Optional;

/**
 * Finds the key for a key id ({@code https://remote.example/u/ada#main-key}). The inbox's
 * implementation consults its cache, then fetches the actor, after its allow/block policy has
 * passed; the verifier calls it only once cheap checks (digest, date, coverage) have succeeded,
 * so a forged request cannot make us fetch anything.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * @return the key, or empty when the key id names no key we can find
     * @throws KeyUnavailableException when the lookup failed for a reason worth retrying
     */
    Optional<VerificationKey> resolve(String keyId) throws KeyUnavailableException;

    /** The lookup failed (timeout, 5xx, unparseable actor): not the same as "no such key". */
    final class KeyUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public KeyUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
