package org.kinship.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.federation.signature.CavageVectorsTest.assertRefused;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9421 Appendix B: every signed example verifies; B.4's transformations as the RFC says. */
class Rfc9421VectorsTest {

    private static final String OWNER = "https://example.com/actor";
    /** The examples' created time, 2021-04-20T02:07:53Z. */
    private static final Instant CREATED = Instant.ofEpochSecond(1618884473L);

    private JsonObject vectors;
    private final Map<String, VerificationKey> keys = new HashMap<>();
    private SignatureVerifier verifier;

    @BeforeEach
    void load() {
        vectors = Interop.vectors("rfc9421-appendix-b.json");
        JsonObject keyDocs = vectors.getJsonObject("keys");
        for (String keyId : new String[] {"test-key-rsa", "test-key-rsa-pss", "test-key-ecc-p256", "test-key-ed25519"}) {
            Key key = KeyMaterial.publicKeyFromPem(keyDocs.getJsonObject(keyId).getString("publicKeyPem")).orElseThrow();
            // The RSA-PSS example has no alg parameter and an ordinary RSA SPKI: the key document binds the algorithm.
            keys.put(keyId, keyId.equals("test-key-rsa-pss") ? VerificationKey.of(key, OWNER, "rsa-pss-sha512") : VerificationKey.of(key, OWNER));
        }
        keys.put("test-shared-secret", VerificationKey.of(
                KeyMaterial.sharedSecret(Base64.getDecoder().decode(keyDocs.getJsonObject("test-shared-secret").getString("base64"))), OWNER));
        verifier = verifier(CREATED);
    }

    private SignatureVerifier verifier(Instant now) {
        return new SignatureVerifier(keyId -> Optional.ofNullable(keys.get(keyId)), Clock.fixed(now, ZoneOffset.UTC),
                VerificationPolicy.SPECIFICATION_ONLY, ReplayGuard.NONE);
    }

    private HttpMessage message(JsonObject testCase) {
        HttpMessage message = Interop.parseRaw(vectors.getJsonObject("messages").getJsonObject(testCase.getString("message")).getString("raw"));
        if (testCase.getString("section").equals("B.2.4")) {
            // The source's test-response Content-Digest does not match its body (see the file's notes);
            // the signature covers the correct one, which the signature base records.
            String base = testCase.getString("signatureBase");
            String digest = base.substring(base.indexOf("\"content-digest\": ") + 18, base.indexOf('\n', base.indexOf("\"content-digest\": ")));
            message = message.withHeaders(message.headers().replacing("Content-Digest", digest));
        }
        if (!message.headers().contains("signature-input")) {
            message = message.withHeaders(message.headers()
                    .with("Signature-Input", testCase.getString("signatureInputHeader"))
                    .with("Signature", testCase.getString("signatureHeader")));
        }
        return message;
    }

    private JsonObject testCase(String section) {
        for (JsonValue value : vectors.getJsonArray("cases")) {
            if (value.asJsonObject().getString("section").equals(section)) {
                return value.asJsonObject();
            }
        }
        throw new AssertionError("no case " + section);
    }

    @Test
    void everyAppendixBSignatureVerifies() {
        JsonArray cases = vectors.getJsonArray("cases");
        assertEquals(7, cases.size(), "B.2.1 to B.2.6 and B.3");
        for (JsonValue value : cases) {
            JsonObject testCase = value.asJsonObject();
            VerificationResult result = verifier.verify(message(testCase));
            assertEquals(new VerificationResult.Verified(testCase.getString("keyid"), OWNER, VerificationResult.Scheme.RFC_9421),
                    result, testCase.getString("section") + " " + testCase.getString("title"));
        }
    }

    @Test
    void theJwkFormsGiveTheSameKeysAsThePemForms() {
        JsonObject keyDocs = vectors.getJsonObject("keys");
        for (String keyId : new String[] {"test-key-rsa", "test-key-rsa-pss", "test-key-ecc-p256", "test-key-ed25519"}) {
            Map<String, String> jwk = new HashMap<>();
            keyDocs.getJsonObject(keyId).getJsonObject("jwk").forEach((name, member) -> jwk.put(name, ((JsonString) member).getString()));
            Key fromJwk = KeyMaterial.fromJwk(jwk).orElseThrow(() -> new AssertionError("JWK of " + keyId));
            assertArrayEquals(keys.get(keyId).key().getEncoded(), fromJwk.getEncoded(), keyId);
        }
        assertTrue(KeyMaterial.privateKeyFromPem(keyDocs.getJsonObject("test-key-rsa").getString("privateKeyPem")).isPresent());
        assertTrue(KeyMaterial.privateKeyFromPem(keyDocs.getJsonObject("test-key-ed25519").getString("privateKeyPem")).isPresent());
    }

    @Test
    void deterministicExamplesAreReproducedBySigningTheirBase() throws Exception {
        JsonObject keyDocs = vectors.getJsonObject("keys");
        Key ed25519 = KeyMaterial.privateKeyFromPem(keyDocs.getJsonObject("test-key-ed25519").getString("privateKeyPem")).orElseThrow();
        JsonObject b26 = testCase("B.2.6");
        assertArrayEquals(Base64.getDecoder().decode(b26.getString("signature")),
                SignatureAlgorithm.ED25519.sign(ed25519, b26.getString("signatureBase").getBytes(StandardCharsets.UTF_8)));
        JsonObject b25 = testCase("B.2.5");
        assertArrayEquals(Base64.getDecoder().decode(b25.getString("signature")),
                SignatureAlgorithm.HMAC_SHA256.sign(keys.get("test-shared-secret").key(), b25.getString("signatureBase").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void transformationsOfAppendixB4AreValidOrInvalidAsTheRfcSays() {
        JsonObject transforms = vectors.getJsonObject("transforms");
        assertTrue(verifier.verify(Interop.parseRaw(transforms.getString("signedMessage"))).isVerified(), "the original B.4 message");
        int index = 0;
        for (JsonValue value : transforms.getJsonArray("transformedMessages")) {
            JsonObject transformed = value.asJsonObject();
            VerificationResult result = verifier.verify(Interop.parseRaw(transformed.getString("message")));
            assertEquals(transformed.getBoolean("expectValid"), result.isVerified(),
                    "B.4 transformation " + index++ + " (" + transformed.getString("why") + "): " + result);
            if (!transformed.getBoolean("expectValid")) {
                assertRefused(RefusalReason.SIGNATURE_INVALID, result);
            }
        }
    }

    @Test
    void tamperedCopiesAreRefusedWithTheRightReason() {
        HttpMessage b26 = message(testCase("B.2.6"));
        assertTrue(verifier.verify(b26).isVerified());
        assertRefused(RefusalReason.DIGEST_MISMATCH, verifier.verify(b26.withBody("{\"hello\": \"wurld\"}".getBytes(StandardCharsets.UTF_8))));
        assertRefused(RefusalReason.SIGNATURE_INVALID, verifier.verify(b26.withHeaders(b26.headers().replacing("Content-Type", "text/plain"))));
        assertRefused(RefusalReason.SIGNATURE_INVALID, verifier.verify(b26.withHeaders(b26.headers().replacing("Date", "Tue, 20 Apr 2021 02:07:56 GMT"))));
        assertRefused(RefusalReason.DATE_SKEWED, verifier(CREATED.plusSeconds(61 * 60)).verify(b26));
        String signatureHeader = testCase("B.2.6").getString("signatureHeader");
        String flipped = signatureHeader.replace(":wqcA", ":wqcB");
        assertRefused(RefusalReason.SIGNATURE_INVALID, verifier.verify(b26.withHeaders(b26.headers().replacing("Signature", flipped))));
        assertRefused(RefusalReason.KEY_UNKNOWN, verifier.verify(b26.withHeaders(b26.headers().replacing("Signature-Input",
                testCase("B.2.6").getString("signatureInputHeader").replace("test-key-ed25519", "test-key-unknown")))));
        // Another key: with no alg, its own type decides (ECDSA), and the Ed25519 signature fails;
        // with alg="ed25519" the key cannot even be used.
        assertRefused(RefusalReason.SIGNATURE_INVALID, verifier.verify(b26.withHeaders(b26.headers().replacing("Signature-Input",
                testCase("B.2.6").getString("signatureInputHeader").replace("test-key-ed25519", "test-key-ecc-p256")))));
        assertRefused(RefusalReason.KEY_UNUSABLE, verifier.verify(b26.withHeaders(b26.headers().replacing("Signature-Input",
                testCase("B.2.6").getString("signatureInputHeader").replace("test-key-ed25519", "test-key-ecc-p256") + ";alg=\"ed25519\""))));
        assertRefused(RefusalReason.ALGORITHM_UNSUPPORTED, verifier.verify(b26.withHeaders(b26.headers().replacing("Signature-Input",
                testCase("B.2.6").getString("signatureInputHeader") + ";alg=\"rsa-v1_5-sha1\""))));

        // The test-response as published: its Content-Digest does not match its body.
        HttpMessage published = Interop.parseRaw(vectors.getJsonObject("messages").getJsonObject("test-response").getString("raw"))
                .withHeaders(message(testCase("B.2.4")).headers().replacing("Content-Digest",
                        Interop.parseRaw(vectors.getJsonObject("messages").getJsonObject("test-response").getString("raw"))
                                .headers().first("Content-Digest").orElseThrow()));
        assertRefused(RefusalReason.DIGEST_MISMATCH, verifier.verify(published));
    }

    @Test
    void theInboxPolicyWantsMoreThanTheMinimalExample() {
        SignatureVerifier inbox = new SignatureVerifier(keyId -> Optional.ofNullable(keys.get(keyId)),
                Clock.fixed(CREATED, ZoneOffset.UTC), VerificationPolicy.INBOX, ReplayGuard.NONE);
        assertRefused(RefusalReason.COVERAGE_INSUFFICIENT, inbox.verify(message(testCase("B.2.1"))));
        // B.2.3 covers method, path, authority and content-digest: enough for an inbox.
        assertTrue(inbox.verify(message(testCase("B.2.3"))).isVerified());
    }
}
