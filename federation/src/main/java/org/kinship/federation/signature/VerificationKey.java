package org.kinship.federation.signature;

import java.security.Key;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * A key that a {@link KeyResolver} found for a key id, with the actor that owns it.
 *
 * @param key       a {@link PublicKey}, or a {@link SecretKey} for RFC 9421 {@code hmac-sha256}
 * @param ownerId   the actor id the key document names as owner ({@code publicKey.owner})
 * @param algorithm the RFC 9421 algorithm bound to the key, when known (JWK {@code alg}); an
 *                  RSA key alone cannot say whether it is for PKCS#1 v1.5 or PSS
 */
public record VerificationKey(Key key, String ownerId, Optional<String> algorithm) {

    public VerificationKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(algorithm, "algorithm");
        if (!(key instanceof PublicKey) && !(key instanceof SecretKey)) {
            throw new IllegalArgumentException("a verification key is public or a shared secret, never private");
        }
    }

    public static VerificationKey of(Key key, String ownerId) {
        return new VerificationKey(key, ownerId, Optional.empty());
    }

    public static VerificationKey of(Key key, String ownerId, String algorithm) {
        return new VerificationKey(key, ownerId, Optional.of(algorithm));
    }
}
