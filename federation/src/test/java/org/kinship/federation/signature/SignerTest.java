package org.kinship.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.federation.signature.CavageVectorsTest.assertRefused;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Our own signatures against our own verifier, under the inbox policy, and what it refuses. */
class SignerTest {

    static final String ACTOR = "https://a.example/c/storby";
    static final String KEY_ID = ACTOR + "#main-key";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final byte[] BODY = "{\"type\":\"Follow\",\"actor\":\"https://a.example/c/storby\"}".getBytes(StandardCharsets.UTF_8);

    /** Generated once per test JVM when first used, whichever test class comes first. */
    static final KeyPair keys = generate();
    static final KeyPair otherKeys = generate();

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Signer signer(Instant at) {
        return new Signer(KEY_ID, keys.getPrivate(), Clock.fixed(at, ZoneOffset.UTC));
    }

    static SignatureVerifier verifier(Instant now, ReplayGuard guard) {
        PublicKey publicKey = keys.getPublic();
        KeyResolver resolver = keyId -> keyId.equals(KEY_ID) ? Optional.of(VerificationKey.of(publicKey, ACTOR)) : Optional.empty();
        return new SignatureVerifier(resolver, Clock.fixed(now, ZoneOffset.UTC), VerificationPolicy.INBOX, guard);
    }

    static SignatureVerifier verifier() {
        return verifier(NOW, ReplayGuard.NONE);
    }

    static HttpMessage post() {
        return HttpMessage.request("POST", URI.create("https://b.example/inbox"),
                Headers.of("Content-Type", "application/activity+json"), BODY);
    }

    static HttpMessage get() {
        return HttpMessage.request("GET", URI.create("https://b.example/c/fjordvik?page=1"),
                Headers.of("Accept", "application/activity+json"), null);
    }

    @Test
    void postAndGetRoundTrip() {
        HttpMessage signedPost = signer(NOW).sign(post());
        assertEquals(new VerificationResult.Verified(KEY_ID, ACTOR, VerificationResult.Scheme.CAVAGE_12), verifier().verify(signedPost));
        assertEquals("b.example", signedPost.headers().first("host").orElseThrow());
        assertEquals("Sun, 01 Mar 2026 12:00:00 GMT", signedPost.headers().first("date").orElseThrow());
        assertEquals(Digests.digestHeader(BODY), signedPost.headers().first("digest").orElseThrow());
        assertTrue(signedPost.headers().first("signature").orElseThrow()
                .contains("headers=\"(request-target) host date digest content-type\""));

        HttpMessage signedGet = signer(NOW).sign(get());
        assertTrue(verifier().verify(signedGet).isVerified());
        assertTrue(signedGet.headers().first("signature").orElseThrow().contains("headers=\"(request-target) host date\""));
        assertFalse(signedGet.headers().contains("digest"));
        // Signing again replaces the earlier Signature and Date rather than adding more.
        HttpMessage resigned = signer(NOW.plusSeconds(5)).sign(signedPost);
        assertEquals(1, resigned.headers().all("signature").size());
        assertTrue(verifier().verify(resigned).isVerified());
    }

    @Test
    void dateSkewOfFiftyNineMinutesPassesAndSixtyOneIsRefused() {
        for (int sign : new int[] {-1, 1}) {
            Instant fiftyNine = NOW.plus(Duration.ofMinutes(59).multipliedBy(sign));
            Instant sixtyOne = NOW.plus(Duration.ofMinutes(61).multipliedBy(sign));
            assertTrue(verifier().verify(signer(fiftyNine).sign(post())).isVerified(), "59 min, sign " + sign);
            assertRefused(RefusalReason.DATE_SKEWED, verifier().verify(signer(sixtyOne).sign(post())));
        }
        HttpMessage signed = signer(NOW).sign(post());
        assertRefused(RefusalReason.DATE_MALFORMED, verifier().verify(signed.withHeaders(signed.headers().replacing("Date", "yesterday"))));
    }

    @Test
    void digestMissingOrWrongIsRefused() {
        HttpMessage signed = signer(NOW).sign(post());
        assertRefused(RefusalReason.DIGEST_MISSING, verifier().verify(signed.withHeaders(signed.headers().without("Digest"))));
        assertRefused(RefusalReason.DIGEST_MISMATCH, verifier().verify(signed.withBody("{}".getBytes(StandardCharsets.UTF_8))));
        assertRefused(RefusalReason.DIGEST_MISMATCH, verifier().verify(signed.withHeaders(signed.headers().replacing("Digest",
                "SHA-256=" + Base64.getEncoder().encodeToString(new byte[32])))));
        assertRefused(RefusalReason.DIGEST_UNSUPPORTED, verifier().verify(signed.withHeaders(signed.headers().replacing("Digest", "MD5=abc="))));
        // A POST signed without covering its digest: the body could be anything.
        HttpMessage uncovered = signed.withHeaders(signed.headers().replacing("Signature",
                signed.headers().first("signature").orElseThrow().replace(" digest", "")));
        assertRefused(RefusalReason.COVERAGE_INSUFFICIENT, verifier().verify(uncovered));
    }

    @Test
    void tamperingIsRefused() {
        HttpMessage signed = signer(NOW).sign(post());
        HttpMessage otherInbox = HttpMessage.request("POST", URI.create("https://b.example/c/fjordvik/inbox"), signed.headers(), BODY);
        assertRefused(RefusalReason.SIGNATURE_INVALID, verifier().verify(otherInbox));
        assertRefused(RefusalReason.SIGNATURE_INVALID, verifier().verify(signed.withHeaders(signed.headers().replacing("Host", "c.example"))));
        assertRefused(RefusalReason.SIGNATURE_INVALID,
                verifier().verify(signed.withHeaders(signed.headers().replacing("Content-Type", "text/html"))));
        String signature = signed.headers().first("signature").orElseThrow();
        assertRefused(RefusalReason.KEY_UNKNOWN, verifier().verify(signed.withHeaders(signed.headers().replacing("Signature",
                signature.replace(KEY_ID, "https://a.example/u/eve#main-key")))));
        Signer impostor = new Signer(KEY_ID, otherKeys.getPrivate(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertRefused(RefusalReason.SIGNATURE_INVALID, verifier().verify(impostor.sign(post())));
        assertRefused(RefusalReason.SIGNATURE_MISSING, verifier().verify(post()));
    }

    @Test
    void algorithmsOtherThanRsaSha256AndHs2019AreRefused() {
        HttpMessage signed = signer(NOW).sign(post());
        String signature = signed.headers().first("signature").orElseThrow();
        for (String algorithm : new String[] {"hmac-sha256", "rsa-sha1", "ecdsa-sha256", "none", ""}) {
            HttpMessage other = signed.withHeaders(signed.headers().replacing("Signature",
                    signature.replace("algorithm=\"rsa-sha256\"", "algorithm=\"" + algorithm + "\"")));
            assertRefused(RefusalReason.ALGORITHM_UNSUPPORTED, verifier().verify(other));
        }
        // hs2019 with an RSA key is what newer Mastodon-compatible servers send.
        HttpMessage hs2019 = signed.withHeaders(signed.headers().replacing("Signature",
                signature.replace("algorithm=\"rsa-sha256\"", "algorithm=\"hs2019\"")));
        assertTrue(verifier().verify(hs2019).isVerified());
    }

    @Test
    void theKeyOwnerMustBeTheActor() {
        VerificationResult verified = verifier().verify(signer(NOW).sign(post()));
        assertTrue(ActorKeyCheck.requireOwner(verified, ACTOR).isVerified());
        assertRefused(RefusalReason.KEY_OWNER_MISMATCH, ActorKeyCheck.requireOwner(verified, "https://a.example/u/someone-else"));
        assertRefused(RefusalReason.KEY_OWNER_MISMATCH, ActorKeyCheck.requireOwner(verified, null));
        assertEquals(403, RefusalReason.KEY_OWNER_MISMATCH.httpStatus());
    }

    @Test
    void aReplayedSignatureIsRefusedWhileItsDateIsFresh() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(Clock.fixed(NOW, ZoneOffset.UTC), 1_000);
        SignatureVerifier remembering = verifier(NOW, guard);
        HttpMessage signed = signer(NOW).sign(post());
        assertTrue(remembering.verify(signed).isVerified());
        assertRefused(RefusalReason.SIGNATURE_REPLAYED, remembering.verify(signed));
        assertTrue(remembering.verify(signer(NOW.plusSeconds(1)).sign(post())).isVerified(), "a fresh signature of the same body");
        // Forgeries are not remembered: they never reach the guard.
        assertEquals(2, guard.size());
    }

    @Test
    void theReplayGuardStaysBounded() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(Clock.fixed(NOW, ZoneOffset.UTC), 100);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(guard.firstSeen("sig-" + i, NOW.plusSeconds(i)));
        }
        assertTrue(guard.size() <= 100, "size " + guard.size());
    }

    @Test
    void theKeyResolverFailingIsARefusalNotAnException() {
        SignatureVerifier failing = new SignatureVerifier(keyId -> {
            throw new KeyResolver.KeyUnavailableException("timeout", null);
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        assertRefused(RefusalReason.KEY_UNAVAILABLE, failing.verify(signer(NOW).sign(post())));
        SignatureVerifier broken = new SignatureVerifier(keyId -> {
            throw new IllegalStateException("bug");
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        assertRefused(RefusalReason.KEY_UNAVAILABLE, broken.verify(signer(NOW).sign(post())));
    }
}
