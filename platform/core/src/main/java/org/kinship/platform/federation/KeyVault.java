package org.kinship.platform.federation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the local actors' private keys encrypted in the database when the operator gives a secret
 * ({@code KINSHIP_FEDERATION_KEY_SECRET}, read as {@code kinship.federation.key-secret}): AES-256-GCM under a key
 * derived from it, a fresh nonce per key, the result stored as {@code kinship-aesgcm-v1:<base64 nonce+ciphertext>}.
 * A database dump or backup then does not carry what would let someone sign as our communities and members.
 *
 * <p>Keys stored in the clear (before a secret was set) are still read; new ones are encrypted. A row that is
 * encrypted while no secret (or another one) is configured cannot be used, and says so: signing with it would
 * otherwise fail deep inside a delivery.
 */
final class KeyVault {
    static final String PREFIX = "kinship-aesgcm-v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    KeyVault(String secret) {
        this.key = secret == null || secret.isBlank() ? Optional.empty() : Optional.of(derive(secret));
    }

    static KeyVault configured() {
        return new KeyVault(System.getProperty("kinship.federation.key-secret", System.getenv("KINSHIP_FEDERATION_KEY_SECRET")));
    }

    /** What to store for this private key PEM: encrypted when a secret is configured, else as it is. */
    String seal(String privatePem) {
        if (key.isEmpty()) {
            return privatePem;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(privatePem.getBytes(StandardCharsets.US_ASCII));
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The private key PEM from what is stored. */
    String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("The actors' private keys are encrypted, and no KINSHIP_FEDERATION_KEY_SECRET is set.");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A private key could not be decrypted: KINSHIP_FEDERATION_KEY_SECRET is not the "
                    + "secret it was stored with.", e);
        }
    }

    private static SecretKeySpec derive(String secret) {
        try {
            // A hash, not a password KDF: this is an operator's configured secret, not a person's password.
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("kinship actor keys\0" + secret).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
