package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ItEnvironment;

/**
 * Kinship serves https itself with the operator's key store (KINSHIP_TLS_KEYSTORE): the ITs' server is given
 * the certificate the build generated for localhost (ear/target/it-tls), and only a client that trusts that
 * certificate gets through.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpsServingIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aClientTrustingOnlyTheOperatorsCertificateGetsThePublicDirectory() throws Exception {
        Certificate ours = ItEnvironment.certificate();
        HttpClient client = HttpClient.newBuilder().sslContext(ItEnvironment.trustingOnly(ours)).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> directory = client.send(directoryRequest(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, directory.statusCode(), directory.body());
        assertTrue(directory.body().strip().startsWith("["), "the community directory, a JSON array: " + directory.body());
        Certificate presented = directory.sslSession().orElseThrow().getPeerCertificates()[0];
        assertArrayEquals(ours.getEncoded(), presented.getEncoded(), "the server presented the operator's certificate");
    }

    @Test
    void aClientWithTheJdksDefaultTrustRefusesTheServer() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        IOException refused = assertThrows(IOException.class, () -> client.send(directoryRequest(), HttpResponse.BodyHandlers.discarding()));
        Throwable cause = refused;
        while (cause != null && !(cause instanceof SSLHandshakeException)) {
            cause = cause.getCause();
        }
        assertTrue(cause != null, "refused in the TLS handshake (a certificate no public authority signed), not: " + refused);
    }

    private static HttpRequest directoryRequest() {
        return HttpRequest.newBuilder(URI.create(ItEnvironment.httpsBaseUrl() + "/api/communities"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
    }
}
