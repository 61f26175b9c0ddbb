package org.kinship.federation.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS trust for outgoing federation: the JDK's default certificate authorities plus the
 * certificates of an operator-given trust store, so that Kinship can federate with peers whose
 * certificates come from a private CA (a regional health network, a test set-up) without
 * giving up the public CAs every other peer uses.
 *
 * <p>The extra store is a PKCS#12 file or a PEM file of one or more certificates (told apart by
 * content, not by name). A server certificate is accepted when either the default trust or the
 * extra trust accepts it; both check the host name, since the trust managers here are the
 * JDK's own PKIX managers, only combined.
 */
public final class OutboundTrust {

    /** A trust store the operator named but Kinship cannot use: start-up should stop with this. */
    public static final class TrustStoreException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        TrustStoreException(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        /** {@code trust_store_unreadable} or {@code trust_store_empty}. */
        public String code() {
            return code;
        }
    }

    private final SSLContext sslContext;
    private final List<X509Certificate> extraCertificates;

    private OutboundTrust(SSLContext sslContext, List<X509Certificate> extraCertificates) {
        this.sslContext = sslContext;
        this.extraCertificates = List.copyOf(extraCertificates);
    }

    /** The JDK's default trust, nothing more. */
    public static OutboundTrust jdkDefault() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {defaultTrustManager()}, null);
            return new OutboundTrust(context, List.of());
        } catch (GeneralSecurityException e) {
            // Every Java platform has TLS and a default PKIX trust manager.
            throw new IllegalStateException("the JDK's default TLS set-up is unavailable", e);
        }
    }

    /**
     * The JDK's default trust plus the certificates in {@code extraTrustStore}.
     *
     * @param extraTrustStore absent: the JDK's default trust alone. Present: the file must exist
     *                        and hold at least one certificate, because an operator who named a
     *                        file and silently got the default would see TLS failures with
     *                        exactly the peers the file was for
     * @param password        the PKCS#12 password; {@code null} or empty for none (ignored for PEM)
     */
    public static OutboundTrust load(Optional<Path> extraTrustStore, char[] password) throws TrustStoreException {
        if (extraTrustStore.isEmpty()) {
            return jdkDefault();
        }
        Path file = extraTrustStore.get();
        List<X509Certificate> certificates = readCertificates(file, password);
        if (certificates.isEmpty()) {
            throw new TrustStoreException("trust_store_empty", "The trust store " + file + " holds no certificate.", null);
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                anchors.setCertificateEntry("operator-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509ExtendedTrustManager extra = extended(factory.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(defaultTrustManager(), extra)}, null);
            return new OutboundTrust(context, certificates);
        } catch (GeneralSecurityException | IOException e) {
            throw new TrustStoreException("trust_store_unreadable",
                    "The certificates in " + file + " cannot be used as trust anchors: " + e.getMessage(), e);
        }
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** The operator's certificates, for the start-up log (subjects, expiry). */
    public List<X509Certificate> extraCertificates() {
        return extraCertificates;
    }

    private static List<X509Certificate> readCertificates(Path file, char[] password) throws TrustStoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new TrustStoreException("trust_store_unreadable", "The trust store " + file + " cannot be read: " + e, e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            if (new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN")) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                    if (certificate instanceof X509Certificate x509) {
                        certificates.add(x509);
                    }
                }
            } else {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(new ByteArrayInputStream(bytes), password == null || password.length == 0 ? null : password);
                for (String alias : Collections.list(store.aliases())) {
                    // Trusted-certificate entries, and the own certificate of a key entry (a
                    // server's keystore given as-is), both count as anchors.
                    if (store.getCertificate(alias) instanceof X509Certificate x509) {
                        certificates.add(x509);
                    }
                }
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new TrustStoreException("trust_store_unreadable",
                    "The trust store " + file + " is neither PEM certificates nor a PKCS#12 file Kinship can open"
                            + " (wrong password?): " + e.getMessage(), e);
        }
        return certificates;
    }

    private static X509ExtendedTrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return extended(factory.getTrustManagers());
    }

    private static X509ExtendedTrustManager extended(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the trust manager factory gave no X.509 trust manager");
    }

    /**
     * Accepts what either delegate accepts. Extended (socket/engine-aware) so that the delegates
     * see the connection's endpoint identification and keep checking host names.
     */
    private static final class EitherTrustManager extends X509ExtendedTrustManager {

        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = Objects.requireNonNull(first);
            this.second = Objects.requireNonNull(second);
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(first);
            } catch (CertificateException refusedByFirst) {
                try {
                    check.run(second);
                } catch (CertificateException refusedBySecond) {
                    refusedByFirst.addSuppressed(refusedBySecond);
                    throw refusedByFirst;
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> issuers = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            issuers.addAll(List.of(second.getAcceptedIssuers()));
            return issuers.toArray(new X509Certificate[0]);
        }
    }
}
