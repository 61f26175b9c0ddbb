package org.kinship.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kinship.federation.signature.Headers;
import org.kinship.federation.signature.HttpMessage;
import org.kinship.federation.signature.KeyMaterial;
import org.kinship.federation.signature.Signer;

/**
 * A minimal ActivityPub server on loopback, written for the tests with Kinship's own signing code: it serves
 * actors with keys, records what reaches their inboxes, and posts signed activities to Kinship. (The
 * third-party peer, built on an npm library, is the Fedify test; this one lets a test forge exactly the
 * hostile request it needs.) {@code host} is "127.0.0.1" or "localhost": two peers on one machine can look like
 * two servers.
 *
 * <p>A test class's own peer is a JUnit extension that lives as long as the class:
 * {@code @RegisterExtension static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");}. One for a single
 * test: {@code try (FakePeer readers = FakePeer.start("localhost")) {...}}.
 */
public final class FakePeer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A request that reached one of this peer's inboxes. */
    public record Received(String path, Headers headers, byte[] body) {
        public JsonObject json() {
            return Json.createReader(new ByteArrayInputStream(body)).readObject();
        }

        public String type() {
            return json().getString("type", "");
        }
    }

    /** An actor of this peer. */
    public record Actor(URI id, String name, KeyPair keys) {
        public URI inbox() {
            return URI.create(id + "/inbox");
        }

        public String keyId() {
            return id + "#main-key";
        }
    }

    private final String host;
    private HttpServer server;
    private String base;
    private final Map<String, Actor> actors = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> documents = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakePeer(String host) {
        this.host = host;
    }

    /** A peer serving from now until {@link #close()}. */
    public static FakePeer start(String host) {
        FakePeer peer = new FakePeer(host);
        peer.listen();
        return peer;
    }

    /** A peer for a whole test class (register it with {@code @RegisterExtension}): started before its tests, stopped after. */
    public static FakePeer forTheClass(String host) {
        return new FakePeer(host);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        listen();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void listen() {
        try {
            // A 127.x.y.z host listens on that address (all of 127/8 is loopback on Linux): a third "server".
            String bind = host.matches("127\\.\\d+\\.\\d+\\.\\d+") ? host : "127.0.0.1";
            server = HttpServer.create(new InetSocketAddress(bind, 0), 0);
            base = "http://" + host + ":" + server.getAddress().getPort();
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    public String host() {
        return URI.create(base).getHost();
    }

    /** A Person (or Group) served at {@code /users/{name}} with a fresh RSA key. */
    public Actor actor(String name, String type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Actor actor = new Actor(URI.create(base + "/users/" + name), name, generator.generateKeyPair());
            actors.put("/users/" + name, actor);
            JsonObject doc = Json.createObjectBuilder()
                    .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1"))
                    .add("id", actor.id().toString())
                    .add("type", type)
                    .add("preferredUsername", name)
                    .add("name", name + " of " + host())
                    .add("inbox", actor.inbox().toString())
                    .add("outbox", actor.id() + "/outbox")
                    .add("followers", actor.id() + "/followers")
                    .add("publicKey", Json.createObjectBuilder()
                            .add("id", actor.keyId()).add("owner", actor.id().toString())
                            .add("publicKeyPem", KeyMaterial.toPem(actor.keys().getPublic())))
                    .build();
            documents.put("/users/" + name, doc);
            return actor;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves a document (a Note the peer "wrote") at its id's path. */
    public void serve(JsonObject document) {
        documents.put(URI.create(document.getString("id")).getPath(), document);
    }

    public String newId(String kind) {
        return base + "/" + kind + "/" + UUID.randomUUID();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits up to {@code timeout} for a received request that matches. */
    public Optional<Received> await(Predicate<Received> match, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            Optional<Received> found = received.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Posts an activity signed by {@code signer} (cavage rsa-sha256 with Digest), as a peer server does. */
    public HttpResponse<String> post(URI inbox, JsonObject activity, Actor signer) {
        return post(inbox, activity.toString().getBytes(StandardCharsets.UTF_8), signer, Clock.systemUTC(), h -> h);
    }

    /** The same, with a chosen clock and a last chance to spoil the signed headers (for the hostile tests). */
    public HttpResponse<String> post(URI inbox, byte[] body, Actor signer, Clock clock,
                                     java.util.function.UnaryOperator<Headers> tamper) {
        return send(inbox, tamper.apply(signedPostHeaders(inbox, body, signer, clock)), body);
    }

    /** The headers of a POST of {@code body} to {@code inbox} signed by {@code signer}, Host included. */
    public Headers signedPostHeaders(URI inbox, byte[] body, Actor signer, Clock clock) {
        return new Signer(signer.keyId(), signer.keys().getPrivate(), clock)
                .sign(HttpMessage.request("POST", inbox, Headers.of("Content-Type", "application/activity+json"), body))
                .headers();
    }

    /** A GET signed by {@code signer} (cavage rsa-sha256 over request-target, host and date), as servers fetch. */
    public HttpResponse<String> get(URI target, Actor signer) {
        return sendGet(target, signedGetHeaders(target, signer));
    }

    /** The headers of a GET of {@code target} signed by {@code signer}. */
    public Headers signedGetHeaders(URI target, Actor signer) {
        return new Signer(signer.keyId(), signer.keys().getPrivate(), Clock.systemUTC())
                .sign(HttpMessage.request("GET", target, Headers.of("Accept", "application/activity+json"), new byte[0]))
                .headers();
    }

    public static HttpResponse<String> sendGet(URI target, Headers headers) {
        return exchange(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).GET(), headers);
    }

    public static HttpResponse<String> send(URI inbox, Headers headers, byte[] body) {
        return exchange(HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** Sends with the given headers, except Host, which the JDK client sets itself (from the same URI it was signed for). */
    private static HttpResponse<String> exchange(HttpRequest.Builder request, Headers headers) {
        for (Map.Entry<String, String> field : headers.fields()) {
            if (!field.getKey().equalsIgnoreCase("host")) {
                request.header(field.getKey(), field.getValue());
            }
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod())) {
            Headers headers = Headers.empty();
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                for (String v : h.getValue()) {
                    headers = headers.with(h.getKey(), v);
                }
            }
            received.add(new Received(path, headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            return;
        }
        JsonObject doc = documents.get(path);
        if (doc == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
