package org.kinship.federation.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 9421 (HTTP Message Signatures) verification: {@code Signature-Input} and {@code Signature}
 * dictionaries, the signature base rebuilt from the covered components, the algorithm from
 * {@code alg}, the key document, or the key's type.
 *
 * <p>When several signatures are present, the first one that verifies wins (a proxy may have
 * added one we cannot check); if none does, the refusal of the first is returned.
 */
final class Rfc9421Verification {

    private static final int MAX_SIGNATURES = 8;
    private static final int MAX_COMPONENTS = 32;

    private Rfc9421Verification() {
    }

    static VerificationResult verify(SignatureVerifier context, HttpMessage message) {
        Headers headers = message.headers();
        String input = headers.combined("signature-input").orElse("");
        String signatures = headers.combined("signature").orElse("");
        if (input.length() + signatures.length() > SignatureVerifier.MAX_SIGNATURE_FIELD_CHARS) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "The Signature-Input and Signature fields are too long.");
        }
        Map<String, Object> inputs;
        Map<String, Object> values;
        try {
            inputs = StructuredFields.parseDictionary(input);
            values = StructuredFields.parseDictionary(signatures);
        } catch (StructuredFields.ParseException e) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                    "Signature-Input or Signature is not a structured dictionary: " + e.getMessage() + ".");
        }
        if (inputs.isEmpty() || inputs.size() > MAX_SIGNATURES) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "Signature-Input holds no signature, or too many.");
        }
        VerificationResult first = null;
        for (Map.Entry<String, Object> entry : inputs.entrySet()) {
            VerificationResult result = verifyOne(context, message, entry.getKey(), entry.getValue(), values.get(entry.getKey()));
            if (result.isVerified()) {
                return result;
            }
            if (first == null) {
                first = result;
            }
        }
        return first;
    }

    private static VerificationResult verifyOne(SignatureVerifier context, HttpMessage message, String label,
                                                Object inputMember, Object signatureMember) {
        if (!(inputMember instanceof StructuredFields.InnerList covered)) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "Signature-Input " + label + " is not an inner list.");
        }
        if (!(signatureMember instanceof StructuredFields.Item item) || !(item.value() instanceof StructuredFields.Bytes signatureBytes)) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "Signature has no byte sequence for " + label + ".");
        }
        if (covered.items().size() > MAX_COMPONENTS) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "Signature " + label + " covers too many components.");
        }

        Map<String, Object> params = covered.params();
        Object keyIdParam = params.get("keyid");
        Object createdParam = params.get("created");
        Object expiresParam = params.get("expires");
        Object algParam = params.get("alg");
        if ((keyIdParam != null && !(keyIdParam instanceof String)) || (createdParam != null && !(createdParam instanceof Long))
                || (expiresParam != null && !(expiresParam instanceof Long)) || (algParam != null && !(algParam instanceof String))) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "A parameter of signature " + label + " has the wrong type.");
        }
        if (keyIdParam == null) {
            // Without a keyid we have no way to find the key: nothing else is configured out of band.
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "Signature " + label + " has no keyid.");
        }
        String keyId = (String) keyIdParam;

        List<String> names = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        for (StructuredFields.Item component : covered.items()) {
            if (!(component.value() instanceof String name) || name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                        "Signature " + label + " covers a component that is not a lower-case string.");
            }
            if (!identifiers.add(StructuredFields.serialize(component))) {
                return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "Signature " + label + " covers a component twice.");
            }
            names.add(name);
        }

        SignatureAlgorithm named = null;
        if (algParam != null) {
            named = SignatureAlgorithm.byRfcName((String) algParam).orElse(null);
            if (named == null) {
                return VerificationResult.refuse(RefusalReason.ALGORITHM_UNSUPPORTED,
                        "The algorithm " + CavageVerification.printable((String) algParam) + " is not supported.");
            }
        }

        if (context.policy().requireCoverage()) {
            Optional<VerificationResult.Refused> insufficient = checkCoverage(message, names, createdParam != null);
            if (insufficient.isPresent()) {
                return insufficient.get();
            }
        }
        if (createdParam != null) {
            Optional<VerificationResult.Refused> stale = context.checkSkew(Instant.ofEpochSecond((Long) createdParam), "The signature's created time");
            if (stale.isPresent()) {
                return stale.get();
            }
        }
        if (expiresParam != null) {
            Optional<VerificationResult.Refused> expired = context.checkExpires((Long) expiresParam);
            if (expired.isPresent()) {
                return expired.get();
            }
        }
        if (names.contains("date")) {
            Optional<VerificationResult.Refused> stale = context.checkDateHeader(message.headers());
            if (stale.isPresent()) {
                return stale.get();
            }
        }
        Optional<VerificationResult.Refused> badDigest = context.checkBodyDigests(message);
        if (badDigest.isPresent()) {
            return badDigest.get();
        }

        StringBuilder base = new StringBuilder();
        for (StructuredFields.Item component : covered.items()) {
            Object value = componentValue(message, component);
            if (value instanceof VerificationResult.Refused refused) {
                return refused;
            }
            String text = (String) value;
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "A covered value contains a line break.");
            }
            base.append(StructuredFields.serialize(component)).append(": ").append(text).append('\n');
        }
        base.append("\"@signature-params\": ").append(StructuredFields.serialize(covered));

        Object resolved = context.resolveKey(keyId);
        if (resolved instanceof VerificationResult.Refused refused) {
            return refused;
        }
        VerificationKey key = (VerificationKey) resolved;
        SignatureAlgorithm algorithm = named;
        if (key.algorithm().isPresent()) {
            SignatureAlgorithm bound = SignatureAlgorithm.byRfcName(key.algorithm().get()).orElse(null);
            if (bound == null || (named != null && named != bound)) {
                return VerificationResult.refuse(RefusalReason.KEY_UNUSABLE,
                        "The key " + keyId + " is not for the algorithm the signature names.");
            }
            algorithm = bound;
        }
        if (algorithm == null) {
            algorithm = SignatureAlgorithm.impliedBy(key.key()).orElse(null);
        }
        if (algorithm == null || !algorithm.fits(key.key())) {
            return VerificationResult.refuse(RefusalReason.KEY_UNUSABLE, "The key " + keyId + " does not fit the signature's algorithm.");
        }
        boolean valid;
        try {
            valid = algorithm.verify(key.key(), base.toString().getBytes(StandardCharsets.UTF_8), signatureBytes.value());
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_INVALID,
                    "Signature " + label + " does not match the message and the key " + keyId + ".");
        }
        Optional<VerificationResult.Refused> replayed = context.checkReplay(keyId, signatureBytes.value());
        if (replayed.isPresent()) {
            return replayed.get();
        }
        return new VerificationResult.Verified(keyId, key.ownerId(), VerificationResult.Scheme.RFC_9421);
    }

    /**
     * The inbox's demands: the method and the full target (scheme, our authority, path), a time,
     * and on a request with a body (or any POST) the Content-Digest.
     */
    private static Optional<VerificationResult.Refused> checkCoverage(HttpMessage message, List<String> names, boolean created) {
        if (!created && !names.contains("date")) {
            return Optional.of(VerificationResult.refuse(RefusalReason.TIMESTAMP_MISSING,
                    "The signature must have a created parameter or cover date."));
        }
        if (!message.isRequest()) {
            return Optional.empty();
        }
        boolean target = names.contains("@target-uri")
                || (names.contains("@authority") && (names.contains("@path") || names.contains("@request-target")));
        String missing = !names.contains("@method") ? "@method"
                : !target ? "@target-uri (or @authority and @path)"
                : (message.bodyLength() > 0 || "POST".equals(message.method())) && !names.contains("content-digest") && !names.contains("digest")
                        ? "content-digest" : null;
        return missing == null ? Optional.empty()
                : Optional.of(VerificationResult.refuse(RefusalReason.COVERAGE_INSUFFICIENT, "The signature must cover " + missing + "."));
    }

    /** The component's value (a String) or a Refused. */
    private static Object componentValue(HttpMessage message, StructuredFields.Item component) {
        String name = (String) component.value();
        Map<String, Object> params = component.params();
        for (String param : params.keySet()) {
            boolean known = param.equals("name") || param.equals("bs") || param.equals("key");
            if (!known) {
                return VerificationResult.refuse(RefusalReason.COMPONENT_UNSUPPORTED,
                        "The component parameter " + CavageVerification.printable(param) + " is not supported.");
            }
        }
        if (name.startsWith("@")) {
            if (name.equals("@status")) {
                return message.isRequest() ? refuseDerived(name) : String.valueOf(message.status());
            }
            if (!message.isRequest()) {
                return refuseDerived(name);
            }
            switch (name) {
                case "@method":
                    return message.method();
                case "@target-uri":
                    return message.target().toString();
                case "@authority":
                    return message.authority();
                case "@scheme":
                    return message.target().getScheme().toLowerCase(Locale.ROOT);
                case "@request-target":
                    return message.requestTarget();
                case "@path": {
                    String path = message.target().getRawPath();
                    return path == null || path.isEmpty() ? "/" : path;
                }
                case "@query": {
                    String query = message.target().getRawQuery();
                    return "?" + (query == null ? "" : query);
                }
                case "@query-param":
                    return queryParam(message, params.get("name"));
                default:
                    return VerificationResult.refuse(RefusalReason.COMPONENT_UNSUPPORTED,
                            "The derived component " + CavageVerification.printable(name) + " is not supported.");
            }
        }
        List<String> lines = message.headers().all(name);
        if (lines.isEmpty()) {
            return VerificationResult.refuse(RefusalReason.COVERED_HEADER_MISSING,
                    "The signature covers " + CavageVerification.printable(name) + ", but the message has no such field.");
        }
        if (params.containsKey("bs")) {
            // Each field line on its own, as bytes: for fields whose lines must not be merged.
            StringBuilder out = new StringBuilder();
            for (String line : lines) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(':').append(Base64.getEncoder().encodeToString(line.strip().getBytes(StandardCharsets.ISO_8859_1))).append(':');
            }
            return out.toString();
        }
        String combined = message.headers().combined(name).orElseThrow();
        if (params.get("key") instanceof String memberKey) {
            try {
                Object member = StructuredFields.parseDictionary(combined).get(memberKey);
                if (member == null) {
                    return VerificationResult.refuse(RefusalReason.COVERED_HEADER_MISSING,
                            "The field " + CavageVerification.printable(name) + " has no member " + CavageVerification.printable(memberKey) + ".");
                }
                return StructuredFields.serialize(member);
            } catch (StructuredFields.ParseException e) {
                return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                        "The field " + CavageVerification.printable(name) + " is not a structured dictionary.");
            }
        }
        return combined;
    }

    private static Object queryParam(HttpMessage message, Object nameParam) {
        if (!(nameParam instanceof String wanted)) {
            return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED, "@query-param needs a name parameter.");
        }
        String query = message.target().getRawQuery();
        String found = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (key.equals(wanted)) {
                    if (found != null) {
                        // RFC 9421 2.2.8: a repeated parameter cannot be signed by name.
                        return VerificationResult.refuse(RefusalReason.SIGNATURE_MALFORMED,
                                "The query parameter " + CavageVerification.printable(wanted) + " occurs more than once.");
                    }
                    found = encode(decode(eq < 0 ? "" : pair.substring(eq + 1)));
                }
            }
        }
        if (found == null) {
            return VerificationResult.refuse(RefusalReason.COVERED_HEADER_MISSING,
                    "The signature covers the query parameter " + CavageVerification.printable(wanted) + ", which is absent.");
        }
        return found;
    }

    private static Object refuseDerived(String name) {
        return VerificationResult.refuse(RefusalReason.COMPONENT_UNSUPPORTED,
                "The component " + CavageVerification.printable(name) + " does not apply to this kind of message.");
    }

    /** application/x-www-form-urlencoded decoding: '+' is a space, %XX a byte of UTF-8. */
    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Percent-encodes all but unreserved characters, space as %20 (RFC 9421 2.2.8). */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
