package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.groupId;
import static org.kinship.it.support.Federating.mode;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.federation.signature.Headers;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.FakePeer;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.ItEnvironment;

/**
 * The inbox's own door (InboxDoor, an Undertow handler in front of the servlets) at the level of the wire,
 * where a peer's HTTP client meets it: requests one after another and pipelined on one kept-alive
 * connection, a body that arrives in pieces, a chunked body over the limit. Raw sockets, because an HTTP
 * client library hides exactly these shapes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboxDoorIT {
    @RegisterExtension
    static final FakePeer peer = FakePeer.forTheClass("127.0.0.1");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void followsOneAfterAnotherAndPipelinedOnOneConnectionAreEachAnsweredAndApplied() throws Exception {
        String slug = Fixtures.community("door-keepalive", "OPEN");
        mode(slug, "open");
        URI inbox = URI.create(groupId(slug) + "/inbox");
        List<FakePeer.Actor> walkers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            walkers.add(peer.actor("walker-" + i + "-" + slug, "Person"));
        }
        try (Wire wire = Wire.open()) {
            // One after another: each answer re-arms the connection for the next request.
            wire.write(followOf(walkers.get(0), slug, inbox));
            assertEquals(202, wire.read().status);
            wire.write(followOf(walkers.get(1), slug, inbox));
            assertEquals(202, wire.read().status);
            // Pipelined: two requests in one write, before any answer.
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(followOf(walkers.get(2), slug, inbox));
            both.write(followOf(walkers.get(3), slug, inbox));
            wire.write(both.toByteArray());
            assertEquals(202, wire.read().status);
            assertEquals(202, wire.read().status);
        }
        for (FakePeer.Actor walker : walkers) {
            peer.await(r -> r.path().equals(walker.inbox().getPath()) && r.type().equals("Accept"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no Accept for " + walker.id() + ": " + peer.received()));
        }
    }

    @Test
    void anActivityPostedOverHttp2AndTlsIsAnsweredAndApplied() throws Exception {
        // Peers that speak HTTP/2 (ALPN on https) reach the door too: Undertow's HTTP/2 exchanges take the same way.
        String slug = Fixtures.community("door-h2", "OPEN");
        mode(slug, "open");
        URI inbox = URI.create(ItEnvironment.httpsBaseUrl() + "/ap/communities/" + slug + "/inbox");
        FakePeer.Actor walker = peer.actor("h2-walker-" + slug, "Person");
        byte[] body = follow(walker, slug).toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> field : peer.signedPostHeaders(inbox, body, walker, Clock.systemUTC()).fields()) {
            if (!field.getKey().equalsIgnoreCase("host")) { // HTTP/2 carries it as :authority, from the same URI
                post.header(field.getKey(), field.getValue());
            }
        }
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(ItEnvironment.trustingOnly(ItEnvironment.certificate())).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> answer = h2.send(post.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, answer.version(), "the server offers HTTP/2 on https");
        assertEquals(202, answer.statusCode(), answer.body());
        peer.await(r -> r.path().equals(walker.inbox().getPath()) && r.type().equals("Accept"), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no Accept: " + peer.received()));
    }

    @Test
    void aBodyThatArrivesInPiecesIsReadWhole() throws Exception {
        String slug = Fixtures.community("door-pieces", "OPEN");
        mode(slug, "open");
        URI inbox = URI.create(groupId(slug) + "/inbox");
        FakePeer.Actor slow = peer.actor("slow-" + slug, "Person");
        byte[] request = followOf(slow, slug, inbox);
        int cut = request.length - 40; // the headers and most of the body now, the rest after a pause
        try (Wire wire = Wire.open()) {
            wire.write(java.util.Arrays.copyOfRange(request, 0, cut));
            Thread.sleep(400);
            wire.write(java.util.Arrays.copyOfRange(request, cut, request.length));
            Answer answer = wire.read();
            assertEquals(202, answer.status, answer.body);
        }
        peer.await(r -> r.path().equals(slow.inbox().getPath()) && r.type().equals("Accept"), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no Accept: " + peer.received()));
    }

    @Test
    void refusalsKeepTheErrorShapeAndAnOversizeChunkedBodyIsRefusedWhole() throws Exception {
        String slug = Fixtures.community("door-refusals", "OPEN");
        mode(slug, "open");
        URI inbox = URI.create(groupId(slug) + "/inbox");
        FakePeer.Actor mallory = peer.actor("mallory-" + slug, "Person");

        try (Wire wire = Wire.open()) {
            // Unsigned: refused by the inbox's checks, answered with the API's error shape; the connection stays.
            byte[] body = follow(mallory, slug).toString().getBytes(StandardCharsets.UTF_8);
            wire.write(request(inbox, Headers.of("Host", inbox.getAuthority(), "Content-Type", "application/activity+json"), body));
            Answer unsigned = wire.read();
            assertEquals(401, unsigned.status, unsigned.body);
            assertEquals("application/json; charset=utf-8", unsigned.headers.get("content-type"));
            assertEquals("signature_missing", unsigned.error().getString("error"));
            assertFalse(unsigned.error().getString("message").isBlank());

            // Chunked, so no length is declared: the door counts while it reads and stops at the limit.
            ByteArrayOutputStream chunked = new ByteArrayOutputStream();
            chunked.write(("POST " + inbox.getRawPath() + " HTTP/1.1\r\nHost: " + inbox.getAuthority()
                    + "\r\nContent-Type: application/activity+json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[16 * 1024];
            java.util.Arrays.fill(piece, (byte) ' ');
            for (int i = 0; i < 20; i++) { // 320 KiB, over the 256 KiB limit
                chunked.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                chunked.write(piece);
                chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            wire.write(chunked.toByteArray());
            Answer tooLarge = wire.read();
            assertEquals(413, tooLarge.status, tooLarge.body);
            assertEquals("too_large", tooLarge.error().getString("error"));

            // The rest of that body was read and dropped: the connection carries the next request.
            wire.write(request(inbox, Headers.of("Host", inbox.getAuthority(), "Content-Type", "application/activity+json"), body));
            assertEquals(401, wire.read().status);
        }
        assertTrue(peer.received().stream().noneMatch(r -> r.path().equals(mallory.inbox().getPath())),
                "nothing refused was answered: " + peer.received());
    }

    // --- what a peer sends ---

    private static JsonObject follow(FakePeer.Actor actor, String slug) {
        return Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", peer.newId("follows")).add("type", "Follow").add("actor", actor.id().toString())
                .add("object", groupId(slug).toString())
                .build();
    }

    private static byte[] followOf(FakePeer.Actor actor, String slug, URI inbox) {
        byte[] body = follow(actor, slug).toString().getBytes(StandardCharsets.UTF_8);
        return request(inbox, peer.signedPostHeaders(inbox, body, actor, Clock.systemUTC()), body);
    }

    private static byte[] request(URI inbox, Headers headers, byte[] body) {
        StringBuilder head = new StringBuilder("POST ").append(inbox.getRawPath()).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> field : headers.fields()) {
            head.append(field.getKey()).append(": ").append(field.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    // --- a minimal HTTP/1.1 connection ---

    private record Answer(int status, Map<String, String> headers, String body) {
        JsonObject error() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private static final class Wire implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Wire(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static Wire open() throws IOException {
            URI base = URI.create(Api.baseUrl());
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(30_000);
            return new Wire(socket);
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** One answer with a Content-Length body (the door always declares its length). */
        Answer read() throws IOException {
            String status = line();
            assertTrue(status.startsWith("HTTP/1.1 "), status);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Answer(Integer.parseInt(status.substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("the server closed the connection mid-answer");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
