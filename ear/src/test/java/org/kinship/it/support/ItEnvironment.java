package org.kinship.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the real services the integration tests talk to, once per test run and before
 * Arquillian deploys anything: a fresh PostgreSQL database (Kinship's Flyway migrations create the
 * schema at deployment) and a Keycloak with the project's realm. Registered in
 * META-INF/services, so it runs under failsafe without any test having to ask for it.
 */
public class ItEnvironment implements LauncherSessionListener {
    private static KeycloakServer keycloak;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String db = System.getProperty("kinship.it.db.name");
        if (db == null) {
            return; // not under failsafe (e.g. an IDE running a single unit test)
        }
        recreateDatabase(db);
        keycloak = KeycloakServer.start(
                Path.of(System.getProperty("keycloak.home")),
                Path.of(System.getProperty("keycloak.realm-file")),
                Integer.getInteger("keycloak.port"));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (keycloak != null) {
            keycloak.stop();
            keycloak = null;
        }
    }

    /** The port on which the ITs' WildFly serves https: 8443 plus the ITs' port offset (ear/pom.xml, it.https.port). */
    public static int httpsPort() {
        return Integer.getInteger("kinship.it.https-port", 8643);
    }

    public static String httpsBaseUrl() {
        return "https://localhost:" + httpsPort();
    }

    /**
     * The ITs' TLS material, made by the build before the ITs run (ear/pom.xml, it-tls-*): {@code kinship.p12}, the
     * key store the server serves https with (for localhost and 127.0.0.1); {@code kinship.pem}, its certificate;
     * {@code kinship-trust.p12}, a trust store holding that certificate, which outbound federation trusts.
     */
    public static Path tlsDir() {
        return Path.of(System.getProperty("kinship.it.tls-dir", "target/it-tls"));
    }

    /** The certificate the ITs' server presents on https ({@code kinship.pem} in {@link #tlsDir()}). */
    public static java.security.cert.Certificate certificate() throws java.io.IOException, java.security.GeneralSecurityException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(tlsDir().resolve("kinship.pem"))) {
            return java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A TLS context that trusts this one certificate and nothing else. */
    public static javax.net.ssl.SSLContext trustingOnly(java.security.cert.Certificate certificate)
            throws java.io.IOException, java.security.GeneralSecurityException {
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("kinship-it", certificate);
        javax.net.ssl.TrustManagerFactory factory =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Keycloak, started by this run; tests wait for it through {@link Tokens}. */
    static KeycloakServer keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("Keycloak is started by ItEnvironment under failsafe; run the ITs with mvn verify");
        }
        return keycloak;
    }

    private static void recreateDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("unexpected database name " + name);
        }
        try (Connection c = DriverManager.getConnection(Postgres.adminUrl(), "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("The integration tests need PostgreSQL on 127.0.0.1:5432 with trust auth for user "
                    + "postgres (see README): " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }
}
