package org.kinship.federation.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.kinship.federation.signature.Headers;
import org.kinship.federation.signature.HttpMessage;
import org.kinship.federation.signature.SignatureVerifier;
import org.kinship.federation.signature.VerificationKey;
import org.kinship.federation.signature.VerificationResult;

/**
 * A peer on 127.0.0.1 and an ephemeral port (JDK {@link HttpServer}), with the signing actor's
 * key pair so that handlers can verify what Kinship sent with the real {@link SignatureVerifier}.
 */
final class TestPeer implements AutoCloseable {

    static final String ACTOR = "https://kinship.example/c/storby";
    static final URI KEY_ID = URI.create(ACTOR + "#main-key");
    /** Generated once per test JVM: RSA key generation is the slowest thing here. */
    static final KeyPair KEYS = generate();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String scheme;

    private TestPeer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.start();
    }

    static TestPeer http() throws IOException {
        return new TestPeer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50), "http");
    }

    static TestPeer https(SSLContext serverContext) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        return new TestPeer(server, "https");
    }

    static SigningKey signingKey() {
        return new SigningKey(KEY_ID, KEYS.getPrivate());
    }

    TestPeer route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                // The client may hang up mid-answer on purpose (size limits, timeouts).
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Verifies the request as an inbox would: real verifier, the key resolved from {@link #KEYS}. */
    static VerificationResult verify(HttpExchange exchange, byte[] body) {
        Headers headers = Headers.empty();
        for (Map.Entry<String, List<String>> field : exchange.getRequestHeaders().entrySet()) {
            for (String value : field.getValue()) {
                headers = headers.with(field.getKey(), value);
            }
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        URI target = URI.create("http://" + host + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpMessage message = HttpMessage.request(exchange.getRequestMethod(), target, headers, body);
        SignatureVerifier verifier = new SignatureVerifier(keyId -> keyId.equals(KEY_ID.toString())
                ? Optional.of(VerificationKey.of(KEYS.getPublic(), ACTOR)) : Optional.empty(), Clock.systemUTC());
        return verifier.verify(message);
    }

    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
