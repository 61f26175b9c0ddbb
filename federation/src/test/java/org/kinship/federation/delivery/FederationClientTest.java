package org.kinship.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.federation.delivery.DeliveryOutcome.Kind;
import org.kinship.federation.signature.VerificationResult;

/** Delivery and fetch against a real HTTP server on 127.0.0.1 that verifies every signature. */
class FederationClientTest {

    static final byte[] ACTIVITY = "{\"type\":\"Follow\",\"actor\":\"https://kinship.example/c/storby\"}".getBytes(StandardCharsets.UTF_8);
    static final String AS_JSON = "application/activity+json";

    TestPeer peer;
    /** What the peer's inbox saw, one line per request, for assertions after the fact. */
    final List<String> inboxLog = new CopyOnWriteArrayList<>();

    static FederationClient.Settings settings() {
        return FederationClient.Settings.defaults("0.1.0-test", URI.create("https://kinship.example/"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500));
    }

    static FederationClient client(FederationClient.Settings settings) {
        return client(settings, HostHealth.standard(Clock.systemUTC()));
    }

    static FederationClient client(FederationClient.Settings settings, HostHealth health) {
        return new FederationClient(settings, AddressPolicy.strict().allowingPlainHttp().allowingLoopback(),
                OutboundTrust.jdkDefault(), health, Clock.systemUTC());
    }

    static FederationClient client() {
        return client(settings());
    }

    @BeforeEach
    void startPeer() throws IOException {
        peer = TestPeer.http();
        // An inbox that checks the request the way a Fediverse server does, then answers as told by the path.
        peer.route("/inbox/", exchange -> {
            byte[] body = TestPeer.readBody(exchange);
            VerificationResult verification = TestPeer.verify(exchange, body);
            String digest = "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
            boolean digestMatches = digest.equals(exchange.getRequestHeaders().getFirst("Digest"));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            inboxLog.add(verification + " digestMatches=" + digestMatches + " type=" + contentType + " ua=" + userAgent);
            if (!verification.isVerified() || !digestMatches || !AS_JSON.equals(contentType) || !new String(body, StandardCharsets.UTF_8).contains("Follow")) {
                TestPeer.respond(exchange, 401, "text/plain", ("refused: " + verification).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String asked = exchange.getRequestURI().getPath().substring("/inbox/".length());
            switch (asked) {
                case "429" -> exchange.getResponseHeaders().set("Retry-After", "120");
                case "503" -> exchange.getResponseHeaders().set("Retry-After",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)));
                default -> { }
            }
            int status = Integer.parseInt(asked);
            byte[] answer = status == 400 ? ("{\"error\":\"" + "x".repeat(600) + "\"}").getBytes(StandardCharsets.UTF_8)
                    : status >= 300 ? ("error " + status).getBytes(StandardCharsets.UTF_8) : new byte[0];
            TestPeer.respond(exchange, status, "application/json", answer);
        });
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- deliver ---

    @Test
    void a2xxAnswerToAVerifiedSignedPostIsDelivered() {
        FederationClient client = client();
        for (int status : new int[] {200, 202}) {
            DeliveryOutcome outcome = client.deliver(peer.uri("/inbox/" + status), ACTIVITY, TestPeer.signingKey());
            assertEquals(Kind.DELIVERED, outcome.kind(), outcome.toString() + inboxLog);
            assertEquals(status, outcome.status());
            assertEquals(Optional.empty(), outcome.problem());
            assertTrue(outcome.attempted());
            assertTrue(outcome.elapsed().compareTo(Duration.ZERO) > 0);
        }
        assertEquals(2, inboxLog.size());
        String seen = inboxLog.get(0);
        assertTrue(seen.startsWith("Verified[keyId=" + TestPeer.KEY_ID + ", ownerId=" + TestPeer.ACTOR + ", scheme=CAVAGE_12]"), seen);
        assertTrue(seen.contains("digestMatches=true") && seen.contains("type=" + AS_JSON), seen);
        assertTrue(seen.contains("ua=Kinship/0.1.0-test (+https://kinship.example/)"), seen);
    }

    @Test
    void theSignatureStillVerifiesWhenTheUrlSpellsTheHostInCapitals() {
        // java.net.http sends Host as written and the Signer signs it in lower case: the client must agree with both.
        URI shouting = URI.create("HTTP://LOCALHOST:" + peer.port() + "/inbox/202");
        DeliveryOutcome outcome = client().deliver(shouting, ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.DELIVERED, outcome.kind(), outcome + " " + inboxLog);
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedLaterWithTheirRetryAfter() {
        // Four failures in a row would put the host to rest after three: this test is about the answers.
        FederationClient client = client(settings(), new HostHealth(10, Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC()));
        Instant before = Instant.now();
        DeliveryOutcome error = client.deliver(peer.uri("/inbox/500"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.RETRY_LATER, error.kind());
        assertEquals(Optional.of(OutboundProblem.SERVER_ERROR), error.problem());
        assertEquals(500, error.status());
        assertEquals(Optional.empty(), error.retryAt());
        assertEquals("error 500", error.responseExcerpt());

        DeliveryOutcome limited = client.deliver(peer.uri("/inbox/429"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.RETRY_LATER, limited.kind());
        assertEquals(Optional.of(OutboundProblem.RATE_LIMITED), limited.problem());
        Instant retryAt = limited.retryAt().orElseThrow();
        assertTrue(!retryAt.isBefore(before.plusSeconds(120)) && retryAt.isBefore(Instant.now().plusSeconds(121)), retryAt.toString());

        DeliveryOutcome unavailable = client.deliver(peer.uri("/inbox/503"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.RETRY_LATER, unavailable.kind());
        Duration untilRetry = Duration.between(Instant.now(), unavailable.retryAt().orElseThrow());
        assertTrue(untilRetry.compareTo(Duration.ofMinutes(59)) > 0 && untilRetry.compareTo(Duration.ofMinutes(61)) < 0, untilRetry.toString());

        DeliveryOutcome slow = client.deliver(peer.uri("/inbox/408"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Optional.of(OutboundProblem.REQUEST_TIMEOUT), slow.problem());
        assertEquals(Kind.RETRY_LATER, slow.kind());
    }

    @Test
    void goneAndRefusedAreFinalAndKeepAShortExcerpt() {
        FederationClient client = client();
        DeliveryOutcome gone = client.deliver(peer.uri("/inbox/410"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.GONE, gone.kind());
        assertEquals(410, gone.status());

        DeliveryOutcome refused = client.deliver(peer.uri("/inbox/400"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.REFUSED, refused.kind());
        assertEquals(Optional.of(OutboundProblem.CLIENT_ERROR), refused.problem());
        assertEquals(400, refused.status());
        assertTrue(refused.responseExcerpt().startsWith("{\"error\":\"xxx"), refused.responseExcerpt());
        assertTrue(refused.responseExcerpt().length() <= 200 && refused.responseExcerpt().endsWith("…"), refused.responseExcerpt());

        // The test inbox takes only Follows: its 401 is final too.
        DeliveryOutcome notAFollow = client.deliver(peer.uri("/inbox/202"), "not a follow".getBytes(StandardCharsets.UTF_8), TestPeer.signingKey());
        assertEquals(Kind.REFUSED, notAFollow.kind());
        assertEquals(401, notAFollow.status());
    }

    @Test
    void aPeerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Connections complete in the backlog, but nobody ever reads or answers.
            FederationClient client = client(settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(700)));
            DeliveryOutcome outcome = client.deliver(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/inbox"),
                    ACTIVITY, TestPeer.signingKey());
            assertEquals(Kind.RETRY_LATER, outcome.kind(), outcome.toString());
            assertEquals(Optional.of(OutboundProblem.TIMEOUT), outcome.problem());
            assertEquals(-1, outcome.status());
            assertTrue(outcome.elapsed().compareTo(Duration.ofMillis(600)) >= 0 && outcome.elapsed().compareTo(Duration.ofSeconds(3)) < 0,
                    outcome.elapsed().toString());
        }
    }

    @Test
    void aClosedPortIsRetriedLaterAndThreeFailuresPutTheHostToRest() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FederationClient client = client();
        URI inbox = URI.create("http://127.0.0.1:" + closedPort + "/inbox");
        for (int i = 0; i < 3; i++) {
            DeliveryOutcome outcome = client.deliver(inbox, ACTIVITY, TestPeer.signingKey());
            assertEquals(Kind.RETRY_LATER, outcome.kind(), outcome.toString());
            assertEquals(Optional.of(OutboundProblem.CONNECTION_FAILED), outcome.problem(), outcome.detail());
            assertTrue(outcome.attempted());
        }
        Instant restingUntil = client.hostHealth().restingUntil("127.0.0.1").orElseThrow();
        DeliveryOutcome resting = client.deliver(peer.uri("/inbox/202"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.RETRY_LATER, resting.kind());
        assertEquals(Optional.of(OutboundProblem.HOST_RESTING), resting.problem());
        assertEquals(Optional.of(restingUntil), resting.retryAt());
        assertFalse(resting.attempted());
        assertTrue(inboxLog.isEmpty(), "a resting host gets no request");
    }

    @Test
    void anInboxThePolicyRefusesIsNotAllowedAndNothingIsSent() {
        FederationClient client = client();
        DeliveryOutcome privateInbox = client.deliver(URI.create("http://10.0.0.1/inbox"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Kind.NOT_ALLOWED, privateInbox.kind());
        assertEquals(Optional.of(OutboundProblem.PRIVATE_ADDRESS), privateInbox.problem());
        assertFalse(privateInbox.attempted());
        DeliveryOutcome ftp = client.deliver(URI.create("ftp://127.0.0.1/inbox"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Optional.of(OutboundProblem.SCHEME_NOT_ALLOWED), ftp.problem());
        DeliveryOutcome nothing = client.deliver(null, ACTIVITY, TestPeer.signingKey());
        assertEquals(Optional.of(OutboundProblem.INVALID_URL), nothing.problem());
        assertEquals(Kind.NOT_ALLOWED, nothing.kind());

        FederationClient strict = new FederationClient(settings(), AddressPolicy.strict(), OutboundTrust.jdkDefault());
        DeliveryOutcome loopback = strict.deliver(URI.create("https://127.0.0.1:" + peer.port() + "/inbox/202"), ACTIVITY, TestPeer.signingKey());
        assertEquals(Optional.of(OutboundProblem.LOOPBACK_ADDRESS), loopback.problem());
        assertTrue(inboxLog.isEmpty());
    }

    @Test
    void oneHostGetsAtMostFourRequestsInFlight() throws Exception {
        CountDownLatch arrived = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        peer.route("/slow-inbox", exchange -> {
            TestPeer.readBody(exchange);
            arrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestPeer.respond(exchange, 202, null, new byte[0]);
        });
        FederationClient client = client(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<DeliveryOutcome>> pending = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pending.add(callers.submit(() -> client.deliver(peer.uri("/slow-inbox"), ACTIVITY, TestPeer.signingKey())));
            }
            assertTrue(arrived.await(10, TimeUnit.SECONDS), "four requests should reach the peer together");
            assertEquals(4, client.inFlight("127.0.0.1"));

            DeliveryOutcome fifth = client.deliver(peer.uri("/slow-inbox"), ACTIVITY, TestPeer.signingKey());
            assertEquals(Kind.RETRY_LATER, fifth.kind());
            assertEquals(Optional.of(OutboundProblem.HOST_BUSY), fifth.problem());
            assertFalse(fifth.attempted());
            assertTrue(fifth.retryAt().orElseThrow().isBefore(Instant.now().plusSeconds(10)));

            release.countDown();
            for (Future<DeliveryOutcome> outcome : pending) {
                assertEquals(Kind.DELIVERED, outcome.get(10, TimeUnit.SECONDS).kind());
            }
            assertEquals(0, client.inFlight("127.0.0.1"));
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    // --- fetch ---

    @Test
    void aSignedGetReturnsTheDocument() {
        byte[] actor = "{\"id\":\"https://peer.example/u/ada\",\"type\":\"Person\"}".getBytes(StandardCharsets.UTF_8);
        List<String> seen = new CopyOnWriteArrayList<>();
        peer.route("/actor", exchange -> {
            VerificationResult verification = TestPeer.verify(exchange, TestPeer.readBody(exchange));
            seen.add(verification + " accept=" + exchange.getRequestHeaders().getFirst("Accept"));
            TestPeer.respond(exchange, verification.isVerified() ? 200 : 401, AS_JSON, actor);
        });
        peer.route("/ld", exchange -> TestPeer.respond(exchange, 200,
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", actor));

        FetchResult result = client().fetch(peer.uri("/actor"), TestPeer.signingKey());
        FetchResult.Fetched fetched = assertInstanceOf(FetchResult.Fetched.class, result, result.toString());
        assertArrayEquals(actor, fetched.body());
        assertEquals(peer.uri("/actor"), fetched.uri());
        assertEquals(AS_JSON, fetched.contentType());
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("Verified["), seen.get(0));
        assertTrue(seen.get(0).endsWith("accept=" + FederationClient.ACCEPT), seen.get(0));

        assertTrue(client().fetch(peer.uri("/ld"), TestPeer.signingKey()).isFetched());
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndOneExactlyAtItIsNot() {
        int limit = 256 * 1024;
        peer.route("/stream", exchange -> {
            // Chunked, no Content-Length: the client can only count.
            exchange.getResponseHeaders().set("Content-Type", AS_JSON);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[8 * 1024];
                for (int sent = 0; sent < 4 * limit; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
        peer.route("/declared", exchange -> TestPeer.respond(exchange, 200, AS_JSON, new byte[limit + 1]));
        peer.route("/exact", exchange -> TestPeer.respond(exchange, 200, AS_JSON, new byte[limit]));
        FederationClient client = client();

        for (String path : new String[] {"/stream", "/declared"}) {
            FetchResult.Refused refused = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri(path), TestPeer.signingKey()), path);
            assertEquals(OutboundProblem.TOO_LARGE, refused.problem(), path + ": " + refused);
            assertFalse(refused.problem().isTransient());
        }
        FetchResult exact = client.fetch(peer.uri("/exact"), TestPeer.signingKey());
        assertEquals(limit, assertInstanceOf(FetchResult.Fetched.class, exact, exact.toString()).body().length);
        // A smaller configured limit applies.
        FetchResult small = client(settings().withMaxFetchBytes(1000)).fetch(peer.uri("/exact"), TestPeer.signingKey());
        assertEquals(OutboundProblem.TOO_LARGE, assertInstanceOf(FetchResult.Refused.class, small).problem());
    }

    @Test
    void redirectsAreFollowedThreeTimesAtMostAndEachTargetIsChecked() {
        AtomicInteger documentHits = new AtomicInteger();
        peer.route("/doc", exchange -> {
            documentHits.incrementAndGet();
            TestPeer.respond(exchange, 200, AS_JSON, "{}".getBytes(StandardCharsets.UTF_8));
        });
        peer.route("/r1", exchange -> redirect(exchange, 307, peer.uri("/doc").toString()));
        peer.route("/r2", exchange -> redirect(exchange, 301, peer.uri("/r1").toString()));
        peer.route("/r3", exchange -> redirect(exchange, 302, "r2"));
        peer.route("/r4", exchange -> redirect(exchange, 308, "/r3"));
        peer.route("/to-private", exchange -> redirect(exchange, 302, "http://10.0.0.1/actor"));
        peer.route("/to-metadata", exchange -> redirect(exchange, 303, "http://169.254.169.254/latest/meta-data/"));
        peer.route("/nowhere", exchange -> redirect(exchange, 302, null));
        FederationClient client = client();

        FetchResult followed = client.fetch(peer.uri("/r3"), TestPeer.signingKey());
        assertEquals(peer.uri("/doc"), assertInstanceOf(FetchResult.Fetched.class, followed, followed.toString()).uri());
        assertEquals(1, documentHits.get());

        FetchResult.Refused tooMany = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/r4"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.TOO_MANY_REDIRECTS, tooMany.problem());
        assertEquals(1, documentHits.get(), "the fourth redirect is not followed");

        FetchResult.Refused toPrivate = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/to-private"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.PRIVATE_ADDRESS, toPrivate.problem());
        assertEquals(URI.create("http://10.0.0.1/actor"), toPrivate.uri());
        FetchResult.Refused toMetadata = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/to-metadata"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.LINK_LOCAL_ADDRESS, toMetadata.problem());
        FetchResult.Refused nowhere = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/nowhere"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.BAD_REDIRECT, nowhere.problem());
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, int status, String location) throws IOException {
        if (location != null) {
            exchange.getResponseHeaders().set("Location", location);
        }
        TestPeer.respond(exchange, status, null, new byte[0]);
    }

    @Test
    void wrongContentTypesAndErrorStatusesAreRefusedWithStableCodes() {
        peer.route("/html", exchange -> TestPeer.respond(exchange, 200, "text/html; charset=utf-8",
                "<html>log in first</html>".getBytes(StandardCharsets.UTF_8)));
        peer.route("/untyped", exchange -> TestPeer.respond(exchange, 200, null, "{}".getBytes(StandardCharsets.UTF_8)));
        peer.route("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "30");
            TestPeer.respond(exchange, 503, "text/plain", "down for maintenance".getBytes(StandardCharsets.UTF_8));
        });
        FederationClient client = client();

        FetchResult.Refused html = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/html"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.WRONG_CONTENT_TYPE, html.problem());
        assertEquals(200, html.status());
        FetchResult.Refused untyped = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/untyped"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.WRONG_CONTENT_TYPE, untyped.problem());

        FetchResult.Refused missing = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/missing"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.CLIENT_ERROR, missing.problem());
        assertEquals(404, missing.status());
        assertFalse(missing.problem().isTransient());

        FetchResult.Refused busy = assertInstanceOf(FetchResult.Refused.class, client.fetch(peer.uri("/busy"), TestPeer.signingKey()));
        assertEquals(OutboundProblem.SERVER_ERROR, busy.problem());
        assertTrue(busy.problem().isTransient());
        assertTrue(busy.retryAt().isPresent());
        assertTrue(busy.detail().contains("down for maintenance"), busy.detail());
    }
}
