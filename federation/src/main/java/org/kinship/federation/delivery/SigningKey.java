package org.kinship.federation.delivery;

import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.Objects;

/**
 * The key an actor signs its requests with: its key id (the {@code publicKey.id} of the actor
 * document) and the RSA private key behind it.
 *
 * @param keyId      {@code https://kinship.example/c/storby#main-key}
 * @param privateKey an RSA key: draft-cavage {@code rsa-sha256} is what every peer accepts
 */
public record SigningKey(URI keyId, PrivateKey privateKey) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateKey, "privateKey");
        if (!keyId.isAbsolute()) {
            throw new IllegalArgumentException("a key id is an absolute URI: " + keyId);
        }
        if (keyId.toString().indexOf('"') >= 0 || keyId.toString().indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a key id must not contain a quote or backslash: " + keyId);
        }
        if (!(privateKey instanceof RSAKey)) {
            throw new IllegalArgumentException("rsa-sha256 needs an RSA key, not " + privateKey.getAlgorithm());
        }
    }

    /** Names the key id only: a private key has no business in a log line. */
    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
