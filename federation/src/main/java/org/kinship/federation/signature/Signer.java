package org.kinship.federation.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs outgoing requests the way every Fediverse server accepts: draft-cavage-12
 * {@code rsa-sha256}, covering {@code (request-target) host date digest} (plus
 * {@code content-type} when present) on POST and {@code (request-target) host date} on GET.
 *
 * <p>Date and Digest are always set afresh: a retry hours later must not carry a stale Date,
 * and a Digest computed elsewhere could disagree with the bytes actually sent.
 */
public final class Signer {

    /** IMF-fixdate (RFC 9110): two-digit day, unlike {@link DateTimeFormatter#RFC_1123_DATE_TIME}. */
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final String keyId;
    private final PrivateKey key;
    private final Clock clock;

    /**
     * @param keyId the actor's key id ({@code https://kinship.example/c/storby#main-key})
     * @param key   the actor's RSA private key
     */
    public Signer(String keyId, PrivateKey key, Clock clock) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (keyId.isEmpty() || keyId.indexOf('"') >= 0 || keyId.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a keyId must be non-empty and contain no quote or backslash: " + keyId);
        }
        if (!(key instanceof RSAKey)) {
            throw new IllegalArgumentException("rsa-sha256 needs an RSA key, not " + key.getAlgorithm());
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The request with Host, Date, Digest (POST and any request with a body) and Signature set. */
    public HttpMessage sign(HttpMessage request) {
        if (!request.isRequest()) {
            throw new IllegalArgumentException("only requests are signed");
        }
        Headers headers = request.headers().without("signature");
        if (!headers.contains("host")) {
            headers = headers.with("Host", request.authority());
        }
        headers = headers.replacing("Date", HTTP_DATE.format(clock.instant()));
        boolean withBody = "POST".equals(request.method()) || request.bodyLength() > 0;
        StringBuilder covered = new StringBuilder("(request-target) host date");
        if (withBody) {
            headers = headers.replacing("Digest", Digests.digestHeader(request.bodyUnsafe()));
            covered.append(" digest");
            if (headers.contains("content-type")) {
                covered.append(" content-type");
            }
        }

        StringBuilder signingString = new StringBuilder();
        for (String name : covered.toString().split(" ")) {
            String value = name.equals("(request-target)")
                    ? request.method().toLowerCase(Locale.ROOT) + " " + request.requestTarget()
                    : headers.combined(name).orElseThrow();
            if (signingString.length() > 0) {
                signingString.append('\n');
            }
            signingString.append(name).append(": ").append(value);
        }
        byte[] signature;
        try {
            signature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(key, signingString.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // The key was checked in the constructor; SHA256withRSA is on every Java platform.
            throw new IllegalStateException("signing with " + keyId + " failed", e);
        }
        String value = "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + covered
                + "\",signature=\"" + Base64.getEncoder().encodeToString(signature) + "\"";
        return request.withHeaders(headers.with("Signature", value));
    }
}
