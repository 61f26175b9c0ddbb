package org.kinship.federation.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * draft-cavage-http-signatures-12 verification, as the Fediverse uses it: {@code rsa-sha256},
 * or {@code hs2019} with the algorithm taken from the key.
 */
final class CavageVerification {

    private static final int MAX_PARAMS = 16;
    private static final int MAX_COVERED_HEADERS = 32;

    private CavageVerification() {
    }

    static VerificationResult verify(SignatureVerifier context, HttpMessage message) {
        Headers headers = message.headers();
        List<String> signatureFields = headers.all("signature");
        String raw;
        if (signatureFields.size() > 1) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "The request has more than one Signature header.");
        } else if (signatureFields.size() == 1) {
            raw = signatureFields.get(0);
        } else {
            raw = SignatureVerifier.authorizationSignature(headers).orElse("");
        }
        if (raw.length() > SignatureVerifier.MAX_SIGNATURE_FIELD_CHARS) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "The Signature header is too long.");
        }
        Map<String, String> params;
        try {
            params = parseParams(raw);
        } catch (IllegalArgumentException e) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                    "The Signature header cannot be parsed: " + e.getMessage() + ".");
        }
        String keyId = params.get("keyid");
        String signatureText = params.get("signature");
        if (keyId == null || signatureText == null) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                    "The Signature header lacks keyId or signature.");
        }
        String algorithm = params.getOrDefault("algorithm", "hs2019").toLowerCase(Locale.ROOT);
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
            return VerificationResult.refuse(RefusalReason.ALGORITHM_UNSUPPORTED,
                    "The algorithm " + printable(algorithm) + " is not supported (rsa-sha256, hs2019).");
        }
        boolean hs2019 = algorithm.equals("hs2019");

        // Without a headers parameter the draft says "(created)"; every signer we meet and the
        // draft's own test vectors mean "date", the default of the drafts before version 11.
        List<String> covered = Arrays.asList(params.getOrDefault("headers", "date").strip().toLowerCase(Locale.ROOT).split("\\s+"));
        if (covered.size() > MAX_COVERED_HEADERS || covered.get(0).isEmpty()) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "The headers parameter is empty or too long.");
        }

        Long created = null;
        Long expires = null;
        try {
            if (params.containsKey("created")) {
                created = Long.parseLong(params.get("created"));
            }
            if (params.containsKey("expires")) {
                // The draft allows a decimal here; whole seconds are enough to compare.
                double seconds = Double.parseDouble(params.get("expires"));
                expires = Double.isFinite(seconds) ? (long) seconds : -1L;
            }
        } catch (NumberFormatException e) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "created or expires is not a number.");
        }
        // Seconds since 1970 beyond year ~33000 (or NaN, negative) are nonsense, and would overflow Instant.
        if ((created != null && (created < 0 || created > 1_000_000_000_000L)) || (expires != null && (expires < 0 || expires > 1_000_000_000_000L))) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "created or expires is out of range.");
        }
        if (!hs2019 && (covered.contains("(created)") || covered.contains("(expires)"))) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                    "(created) and (expires) may only be signed with hs2019 (draft-cavage-12, section 2.3).");
        }

        if (context.policy().requireCoverage()) {
            Optional<VerificationResult.Refused> insufficient = checkCoverage(message, covered);
            if (insufficient.isPresent()) {
                return insufficient.get();
            }
        }

        // Freshness: each time the signature vouches for.
        if (covered.contains("date")) {
            Optional<VerificationResult.Refused> stale = context.checkDateHeader(headers);
            if (stale.isPresent()) {
                return stale.get();
            }
        }
        if (created != null) {
            Optional<VerificationResult.Refused> stale = context.checkSkew(java.time.Instant.ofEpochSecond(created), "The signature's created time");
            if (stale.isPresent()) {
                return stale.get();
            }
        }
        if (expires != null) {
            Optional<VerificationResult.Refused> expired = context.checkExpires(expires);
            if (expired.isPresent()) {
                return expired.get();
            }
        }

        Optional<VerificationResult.Refused> badDigest = context.checkBodyDigests(message);
        if (badDigest.isPresent()) {
            return badDigest.get();
        }

        StringBuilder signingString = new StringBuilder();
        for (String name : covered) {
            String value;
            switch (name) {
                case "(request-target)":
                    if (!message.isRequest()) {
                        return VerificationResult.refuse(RefusalReason.COMPONENT_UNSUPPORTED, "(request-target) signed on a response.");
                    }
                    value = message.method().toLowerCase(Locale.ROOT) + " " + message.requestTarget();
                    break;
                case "(created)":
                case "(expires)": {
                    Long time = name.equals("(created)") ? created : expires;
                    if (time == null) {
                        return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                                name + " is signed but the parameter is missing.");
                    }
                    value = params.get(name.substring(1, name.length() - 1));
                    break;
                }
                case "host":
                    // HTTP/2 has no Host line; then the authority of the target is what was sent.
                    value = headers.combined("host").orElse(message.isRequest() ? message.authority() : null);
                    break;
                default:
                    if (name.startsWith("(")) {
                        return VerificationResult.refuse(RefusalReason.COMPONENT_UNSUPPORTED,
                                "The pseudo-header " + printable(name) + " is not supported.");
                    }
                    value = headers.combined(name).orElse(null);
            }
            if (value == null) {
                return VerificationResult.refuse(RefusalReason.COVERED_HEADER_MISSING,
                        "The signature covers " + printable(name) + ", but the request has no such header.");
            }
            if (signingString.length() > 0) {
                signingString.append('\n');
            }
            signingString.append(name).append(": ").append(value);
        }

        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureText.strip());
        } catch (IllegalArgumentException e) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "The signature is not base64.");
        }

        Object resolved = context.resolveKey(keyId);
        if (resolved instanceof VerificationResult.Refused refused) {
            return refused;
        }
        VerificationKey key = (VerificationKey) resolved;
        SignatureAlgorithm jca = hs2019
                ? SignatureAlgorithm.impliedBy(key.key()).filter(a -> a != SignatureAlgorithm.HMAC_SHA256).orElse(null)
                : SignatureAlgorithm.RSA_V1_5_SHA256;
        if (jca == null || !jca.fits(key.key())) {
            return VerificationResult.refuse(RefusalReason.KEY_UNUSABLE,
                    "The key " + keyId + " cannot verify a " + algorithm + " signature.");
        }
        boolean valid;
        try {
            valid = jca.verify(key.key(), signingString.toString().getBytes(StandardCharsets.UTF_8), signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_INVALID,
                    "The signature does not match the request and the key " + keyId + ".");
        }
        Optional<VerificationResult.Refused> replayed = context.checkReplay(keyId, signature);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        return new VerificationResult.Verified(keyId, key.ownerId(), VerificationResult.Scheme.CAVAGE_12);
    }

    /**
     * The inbox's demands: the signature binds method and path ((request-target)), our host (or a
     * request signed for another server's /inbox could be replayed here), a time, and the body.
     */
    private static Optional<VerificationResult.Refused> checkCoverage(HttpMessage message, List<String> covered) {
        String missing = null;
        if (message.isRequest() && !covered.contains("(request-target)")) {
            missing = "(request-target)";
        } else if (message.isRequest() && !covered.contains("host")) {
            missing = "host";
        } else if (!covered.contains("date") && !covered.contains("(created)")) {
            missing = "date or (created)";
        } else if ((message.bodyLength() > 0 || "POST".equals(message.method())) && !covered.contains("digest")) {
            missing = "digest";
        }
        if (missing == null) {
            return Optional.empty();
        }
        RefusalReason reason = missing.equals("date or (created)") ? RefusalReason.TIMESTAMP_MISSING : RefusalReason.COVERAGE_INSUFFICIENT;
        return Optional.of(VerificationResult.refuse(reason, "The signature must cover " + missing + "."));
    }

    /**
     * Parses {@code keyId="...",algorithm="...",headers="...",signature="..."}: parameters in any
     * order, whitespace allowed around separators, quoted values or bare numbers, no duplicates.
     * Unknown parameters are ignored, as the draft says. Names are case-insensitive.
     */
    static Map<String, String> parseParams(String raw) {
        Map<String, String> params = new HashMap<>();
        int pos = 0;
        int length = raw.length();
        while (true) {
            while (pos < length && (Character.isWhitespace(raw.charAt(pos)) || raw.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= length) {
                break;
            }
            int nameStart = pos;
            while (pos < length && isNameChar(raw.charAt(pos))) {
                pos++;
            }
            if (pos == nameStart) {
                throw new IllegalArgumentException("expected a parameter name at " + pos);
            }
            String name = raw.substring(nameStart, pos).toLowerCase(Locale.ROOT);
            pos = skipSpaces(raw, pos);
            if (pos >= length || raw.charAt(pos) != '=') {
                throw new IllegalArgumentException("expected '=' after " + printable(name));
            }
            pos = skipSpaces(raw, pos + 1);
            String value;
            if (pos < length && raw.charAt(pos) == '"') {
                StringBuilder quoted = new StringBuilder();
                pos++;
                boolean closed = false;
                while (pos < length) {
                    char c = raw.charAt(pos++);
                    if (c == '\\' && pos < length) {
                        quoted.append(raw.charAt(pos++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        quoted.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated quoted value for " + printable(name));
                }
                value = quoted.toString();
            } else {
                int valueStart = pos;
                while (pos < length && raw.charAt(pos) != ',' && !Character.isWhitespace(raw.charAt(pos))) {
                    pos++;
                }
                value = raw.substring(valueStart, pos);
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("empty value for " + printable(name));
                }
            }
            if (params.put(name, value) != null) {
                throw new IllegalArgumentException("duplicate parameter " + printable(name));
            }
            if (params.size() > MAX_PARAMS) {
                throw new IllegalArgumentException("too many parameters");
            }
            pos = skipSpaces(raw, pos);
            if (pos < length && raw.charAt(pos) != ',') {
                throw new IllegalArgumentException("expected ',' at " + pos);
            }
        }
        return params;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static int skipSpaces(String raw, int pos) {
        while (pos < raw.length() && Character.isWhitespace(raw.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** Echoes sender-supplied text in a message only when short and printable. */
    static String printable(String text) {
        String shortened = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return "\"" + shortened.replaceAll("[^\\x20-\\x7e…]", "?") + "\"";
    }
}
