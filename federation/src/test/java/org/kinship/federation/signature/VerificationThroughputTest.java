package org.kinship.federation.signature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A micro-figure, not a benchmark: full cavage verifications per second (parse, digest, date,
 * RSA-2048 rsa-sha256) on one thread, beside the bare JDK RSA verification, printed for
 * BENCHMARKS.md. The target is 1,000 signed activities per second through the whole
 * inbox on 2 cores, so signatures must take a small share of that budget. The assertion is
 * deliberately loose: a loaded machine must not fail the build.
 */
class VerificationThroughputTest {

    @Test
    void rsaSha256VerificationsPerSecond() throws Exception {
        SignatureVerifier verifier = SignerTest.verifier();
        Signer signer = new Signer(SignerTest.KEY_ID, SignerTest.keys.getPrivate(), Clock.fixed(SignerTest.NOW, ZoneOffset.UTC));
        HttpMessage[] messages = new HttpMessage[64];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = signer.sign(SignerTest.post().withBody(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        byte[] data = "(request-target): post /inbox\nhost: b.example\ndate: Sun, 01 Mar 2026 12:00:00 GMT".getBytes(StandardCharsets.UTF_8);
        byte[] signature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(SignerTest.keys.getPrivate(), data);

        int[] next = {0};
        double bare = perSecond(() -> {
            try {
                return SignatureAlgorithm.RSA_V1_5_SHA256.verify(SignerTest.keys.getPublic(), data, signature);
            } catch (java.security.GeneralSecurityException e) {
                return false;
            }
        });
        double full = perSecond(() -> verifier.verify(messages[next[0]++ % messages.length]).isVerified());
        long signStart = System.nanoTime();
        int signs = 0;
        while (System.nanoTime() - signStart < TimeUnit.MILLISECONDS.toNanos(500)) {
            signer.sign(SignerTest.post());
            signs++;
        }
        double signsPerSecond = signs / ((System.nanoTime() - signStart) / 1e9);
        System.out.printf("HTTP signatures, RSA-2048, one thread (%d cores, load %.1f): Verifier %.0f/s (%.0f µs each), "
                        + "bare JDK SHA256withRSA verify %.0f/s, Signer %.0f/s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                full, 1e6 / full, bare, signsPerSecond);
        assertTrue(full > 300, "verifications per second: " + full);
    }

    /** Warms up for a second, then counts successes for two. */
    private static double perSecond(BooleanSupplier operation) {
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < warmUntil) {
            assertTrue(operation.getAsBoolean());
        }
        int count = 0;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (operation.getAsBoolean()) {
                count++;
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
