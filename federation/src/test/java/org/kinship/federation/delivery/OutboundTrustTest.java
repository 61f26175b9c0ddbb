package org.kinship.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.federation.delivery.DeliveryOutcome.Kind;

/**
 * A peer with a self-signed certificate (made by the JDK's keytool for 127.0.0.1) is refused with
 * the JDK's trust and accepted once its certificate is in the operator's extra trust store.
 */
class OutboundTrustTest {

    static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    static Path keystore;
    static Path pem;
    static TestPeer peer;

    @BeforeAll
    static void selfSignedPeer() throws Exception {
        keystore = dir.resolve("peer.p12");
        pem = dir.resolve("peer.pem");
        // One keytool run (a JVM start is most of this class's time); EC keys are quick to make.
        // SAN ip:127.0.0.1 only, so that "localhost" fails the host-name check.
        keytool("-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=Kinship test peer", "-ext", "SAN=ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(store.getCertificate("peer").getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), null, null);
        peer = TestPeer.https(server);
        peer.route("/inbox", exchange -> {
            TestPeer.readBody(exchange);
            TestPeer.respond(exchange, 202, null, new byte[0]);
        });
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, process.exitValue(), "keytool failed: " + output);
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
    }

    private static DeliveryOutcome deliverWith(OutboundTrust trust, URI inbox) {
        FederationClient client = new FederationClient(FederationClientTest.settings(),
                AddressPolicy.strict().allowingLoopback(), trust, HostHealth.standard(Clock.systemUTC()), Clock.systemUTC());
        return client.deliver(inbox, FederationClientTest.ACTIVITY, TestPeer.signingKey());
    }

    @Test
    void theJdkDefaultRefusesASelfSignedPeer() throws Exception {
        for (OutboundTrust trust : List.of(OutboundTrust.jdkDefault(), OutboundTrust.load(Optional.empty(), null))) {
            DeliveryOutcome outcome = deliverWith(trust, peer.uri("/inbox"));
            assertEquals(Kind.RETRY_LATER, outcome.kind(), outcome.toString());
            assertEquals(Optional.of(OutboundProblem.TLS_FAILED), outcome.problem(), outcome.detail());
            assertTrue(trust.extraCertificates().isEmpty());
        }
    }

    @Test
    void theExtraTrustStoreMakesItTrustedAsPemOrPkcs12() throws Exception {
        OutboundTrust fromPem = OutboundTrust.load(Optional.of(pem), null);
        assertEquals(1, fromPem.extraCertificates().size());
        DeliveryOutcome viaPem = deliverWith(fromPem, peer.uri("/inbox"));
        assertEquals(Kind.DELIVERED, viaPem.kind(), viaPem.detail());

        OutboundTrust fromPkcs12 = OutboundTrust.load(Optional.of(keystore), PASSWORD);
        DeliveryOutcome viaPkcs12 = deliverWith(fromPkcs12, peer.uri("/inbox"));
        assertEquals(Kind.DELIVERED, viaPkcs12.kind(), viaPkcs12.detail());
    }

    @Test
    void extraTrustKeepsCheckingHostNames() throws Exception {
        // Same peer, same trusted certificate, but reached as "localhost", which the certificate does not name.
        OutboundTrust trust = OutboundTrust.load(Optional.of(pem), null);
        DeliveryOutcome outcome = deliverWith(trust, URI.create("https://localhost:" + peer.port() + "/inbox"));
        assertEquals(Optional.of(OutboundProblem.TLS_FAILED), outcome.problem(), outcome.detail());
    }

    @Test
    void aNamedStoreThatCannotBeUsedStopsStartUpWithACode() throws IOException {
        OutboundTrust.TrustStoreException missing = assertThrows(OutboundTrust.TrustStoreException.class,
                () -> OutboundTrust.load(Optional.of(dir.resolve("absent.pem")), null));
        assertEquals("trust_store_unreadable", missing.code());

        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a keystore");
        assertEquals("trust_store_unreadable", assertThrows(OutboundTrust.TrustStoreException.class,
                () -> OutboundTrust.load(Optional.of(garbage), PASSWORD)).code());
        assertEquals("trust_store_unreadable", assertThrows(OutboundTrust.TrustStoreException.class,
                () -> OutboundTrust.load(Optional.of(keystore), "wrong".toCharArray())).code());

        Path noCertificate = Files.writeString(dir.resolve("empty.pem"), "-----BEGIN NOTHING-----\n-----END NOTHING-----\n");
        OutboundTrust.TrustStoreException empty = assertThrows(OutboundTrust.TrustStoreException.class,
                () -> OutboundTrust.load(Optional.of(noCertificate), null));
        assertTrue(List.of("trust_store_empty", "trust_store_unreadable").contains(empty.code()), empty.code());
    }
}
