package org.kinship.federation.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the signature of an incoming message, whichever of the two schemes it uses: RFC 9421
 * when a {@code Signature-Input} field is present, draft-cavage-12 otherwise (a
 * {@code Signature} field, or {@code Authorization: Signature ...}).
 *
 * <p>Cheap checks (syntax, coverage, digest, dates) come before the key lookup, so a forged or
 * stale request never makes the inbox fetch an actor. No exception escapes {@link #verify}: every
 * problem with the input is a {@link VerificationResult.Refused}. Thread-safe if the resolver and
 * the replay guard are.
 */
public final class SignatureVerifier {

    /** Longer signature fields are refused unread; real ones are under 1 KB (RSA-4096: ~900 bytes). */
    static final int MAX_SIGNATURE_FIELD_CHARS = 8_192;
    static final int MAX_KEY_ID_CHARS = 2_048;

    private final KeyResolver resolver;
    private final Clock clock;
    private final VerificationPolicy policy;
    private final ReplayGuard replayGuard;

    public SignatureVerifier(KeyResolver resolver, Clock clock, VerificationPolicy policy, ReplayGuard replayGuard) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
    }

    /** The inbox's verifier: {@link VerificationPolicy#INBOX}, no replay memory. */
    public SignatureVerifier(KeyResolver resolver, Clock clock) {
        this(resolver, clock, VerificationPolicy.INBOX, ReplayGuard.NONE);
    }

    public VerificationResult verify(HttpMessage message) {
        try {
            Headers headers = message.headers();
            if (headers.contains("signature-input")) {
                return Rfc9421Verification.verify(this, message);
            }
            if (headers.contains("signature") || authorizationSignature(headers).isPresent()) {
                return CavageVerification.verify(this, message);
            }
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MISSING,
                    "The request carries no HTTP signature (Signature, Signature-Input or Authorization: Signature).");
        } catch (RuntimeException unexpected) {
            // A bug here must not become a 500 or let the request through: refuse it, without details.
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                    "The signature could not be processed.");
        }
    }

    static Optional<String> authorizationSignature(Headers headers) {
        for (String value : headers.all("authorization")) {
            String trimmed = value.strip();
            if (trimmed.regionMatches(true, 0, "Signature ", 0, 10)) {
                return Optional.of(trimmed.substring(10));
            }
        }
        return Optional.empty();
    }

    // --- shared by both schemes ---

    VerificationPolicy policy() {
        return policy;
    }

    Instant now() {
        return clock.instant();
    }

    /** A time the signer vouches for (Date, created) must lie within the allowed skew. */
    Optional<VerificationResult.Refused> checkSkew(Instant claimed, String what) {
        Duration off = Duration.between(now(), claimed);
        if (off.abs().compareTo(policy.maxSkew()) > 0) {
            String direction = off.isNegative() ? "behind" : "ahead of";
            return Optional.of(VerificationResult.refuse(RefusalReason.DATE_SKEWED,
                    what + " is " + off.abs().toMinutes() + " minutes " + direction + " our clock; at most "
                            + policy.maxSkew().toMinutes() + " are allowed."));
        }
        return Optional.empty();
    }

    Optional<VerificationResult.Refused> checkDateHeader(Headers headers) {
        Optional<String> date = headers.combined("date");
        if (date.isEmpty()) {
            return Optional.of(VerificationResult.refuse(RefusalReason.COVERED_HEADER_MISSING,
                    "The signature covers Date, but there is no Date header."));
        }
        Instant instant;
        try {
            instant = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.of(VerificationResult.refuse(RefusalReason.DATE_MALFORMED,
                    "The Date header is not an HTTP date."));
        }
        return checkSkew(instant, "The Date header");
    }

    Optional<VerificationResult.Refused> checkExpires(long expiresEpochSeconds) {
        if (Instant.ofEpochSecond(expiresEpochSeconds).isBefore(now())) {
            return Optional.of(VerificationResult.refuse(RefusalReason.SIGNATURE_EXPIRED,
                    "The signature expired at " + Instant.ofEpochSecond(expiresEpochSeconds) + "."));
        }
        return Optional.empty();
    }

    /** Checks Digest and Content-Digest against the body, when present or when there is a body. */
    Optional<VerificationResult.Refused> checkBodyDigests(HttpMessage message) {
        Headers headers = message.headers();
        boolean digest = headers.contains("digest");
        boolean contentDigest = headers.contains("content-digest");
        if (!digest && !contentDigest) {
            if (message.bodyLength() > 0 && policy.requireBodyDigest()) {
                return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_MISSING,
                        "The request has a body but no Digest or Content-Digest header."));
            }
            return Optional.empty();
        }
        if (digest) {
            Optional<VerificationResult.Refused> refused = Digests.checkDigest(headers.all("digest"), message.bodyUnsafe());
            if (refused.isPresent()) {
                return refused;
            }
        }
        if (contentDigest) {
            return Digests.checkContentDigest(headers.combined("content-digest").orElseThrow(), message.bodyUnsafe());
        }
        return Optional.empty();
    }

    /** The key, or the refusal to answer when there is none. */
    Object resolveKey(String keyId) {
        if (keyId.isEmpty() || keyId.length() > MAX_KEY_ID_CHARS) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "The keyId is empty or too long.");
        }
        try {
            Optional<VerificationKey> key = resolver.resolve(keyId);
            if (key.isEmpty()) {
                return VerificationResult.refuse(RefusalReason.KEY_UNKNOWN, "No key is known for keyId " + keyId + ".");
            }
            return key.get();
        } catch (KeyResolver.KeyUnavailableException | RuntimeException e) {
            return VerificationResult.refuse(RefusalReason.KEY_UNAVAILABLE,
                    "The key " + keyId + " could not be looked up just now.");
        }
    }

    /** Called only once the signature has verified, so forgeries cannot fill the guard's memory. */
    Optional<VerificationResult.Refused> checkReplay(String keyId, byte[] signature) {
        String id = keyId + " " + Base64.getEncoder().encodeToString(signature);
        Instant forgetAfter = now().plus(policy.maxSkew().multipliedBy(2));
        if (!replayGuard.firstSeen(id, forgetAfter)) {
            return Optional.of(VerificationResult.refuse(RefusalReason.SIGNATURE_REPLAYED,
                    "This exact signature was already accepted once."));
        }
        return Optional.empty();
    }
}
