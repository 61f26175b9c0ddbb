package org.kinship.federation.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Body digests: the {@code Digest} header of RFC 3230 (what draft-cavage signers send) and the
 * {@code Content-Digest} field of RFC 9530 (what RFC 9421 signers send). A signature covers the
 * header, so the header must match the body or the body is not covered at all.
 */
final class Digests {

    private Digests() {
    }

    /** {@code SHA-256=<base64>}, the value every Fediverse server accepts. */
    static String digestHeader(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(hash("SHA-256", body));
    }

    /** {@code sha-256=:<base64>:} for RFC 9530 {@code Content-Digest}. */
    static String contentDigestHeader(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(hash("SHA-256", body)) + ":";
    }

    /**
     * Checks every {@code Digest} value we know the algorithm of; at least one must be known.
     * Values are {@code algorithm=base64}, comma-separated, possibly over several lines.
     */
    static Optional<VerificationResult.Refused> checkDigest(List<String> lines, byte[] body) {
        int checked = 0;
        for (String line : lines) {
            for (String part : line.split(",")) {
                String entry = part.strip();
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_MISMATCH,
                            "The Digest header is not of the form algorithm=value."));
                }
                String jca = jcaName(entry.substring(0, eq).strip());
                if (jca == null) {
                    continue;
                }
                byte[] claimed;
                try {
                    claimed = Base64.getDecoder().decode(entry.substring(eq + 1).strip());
                } catch (IllegalArgumentException e) {
                    return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_MISMATCH,
                            "The Digest value is not base64."));
                }
                if (!MessageDigest.isEqual(claimed, hash(jca, body))) {
                    return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_MISMATCH,
                            "The Digest header does not match the body."));
                }
                checked++;
            }
        }
        if (checked == 0) {
            return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_UNSUPPORTED,
                    "The Digest header uses no algorithm we support (SHA-256, SHA-512)."));
        }
        return Optional.empty();
    }

    /** Checks an RFC 9530 {@code Content-Digest} (a structured dictionary of byte sequences). */
    static Optional<VerificationResult.Refused> checkContentDigest(String combined, byte[] body) {
        Map<String, Object> dictionary;
        try {
            dictionary = StructuredFields.parseDictionary(combined);
        } catch (StructuredFields.ParseException e) {
            return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_MISMATCH,
                    "The Content-Digest header is not a structured dictionary: " + e.getMessage() + "."));
        }
        int checked = 0;
        for (Map.Entry<String, Object> member : dictionary.entrySet()) {
            String jca = jcaName(member.getKey());
            if (jca == null) {
                continue;
            }
            if (!(member.getValue() instanceof StructuredFields.Item item)
                    || !(item.value() instanceof StructuredFields.Bytes claimed)) {
                return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_MISMATCH,
                        "The Content-Digest value for " + member.getKey() + " is not a byte sequence."));
            }
            if (!MessageDigest.isEqual(claimed.value(), hash(jca, body))) {
                return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_MISMATCH,
                        "The Content-Digest header does not match the body."));
            }
            checked++;
        }
        if (checked == 0) {
            return Optional.of(VerificationResult.refuse(RefusalReason.DIGEST_UNSUPPORTED,
                    "The Content-Digest header uses no algorithm we support (sha-256, sha-512)."));
        }
        return Optional.empty();
    }

    private static String jcaName(String algorithm) {
        switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "sha-256":
                return "SHA-256";
            case "sha-512":
                return "SHA-512";
            default:
                return null;
        }
    }

    static byte[] hash(String jcaAlgorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(jcaAlgorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 and SHA-512.
            throw new IllegalStateException(e);
        }
    }
}
