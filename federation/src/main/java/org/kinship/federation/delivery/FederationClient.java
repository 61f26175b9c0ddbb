package org.kinship.federation.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.kinship.federation.signature.Headers;
import org.kinship.federation.signature.HttpMessage;
import org.kinship.federation.signature.Signer;

/**
 * Kinship's outbound HTTP for federation: signed delivery of activities to inboxes and signed
 * fetches of remote documents, over one shared {@link HttpClient}.
 *
 * <p>Every request passes, in this order: the {@link HostHealth} (a resting host is answered
 * from memory, without even a DNS lookup), the {@link AddressPolicy} (before any connection,
 * re-checked for every redirect target, never cached), the per-host limit of
 * in-flight requests (so one slow peer cannot hold every delivery thread; a full host is
 * answered {@link OutboundProblem#HOST_BUSY} at once rather than waited for), then the request,
 * signed by {@link Signer} just before it leaves so its Date is fresh. One deadline
 * ({@link Settings#requestTimeout()}) covers the whole exchange, body included, so a peer that
 * trickles its answer cannot hold a thread either. Bodies are read up to a limit and the
 * connection is dropped beyond it.
 *
 * <p>Nothing here throws for network trouble or for what a peer answers: every call ends in a
 * {@link DeliveryOutcome} or a {@link FetchResult}. No proxy is used, since a proxy would resolve
 * names where the address policy cannot see. Thread-safe; meant to be one per server.
 */
public final class FederationClient {

    static final String ACTIVITY_JSON = "application/activity+json";
    static final String ACCEPT = "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    /** Enough of an error page for the excerpt; beyond it the connection is dropped. */
    static final int ANSWER_BYTES = 1024;
    static final int EXCERPT_CHARS = 200;
    /** A busy host frees a slot within seconds: come back soon, not after a full backoff. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\s]+");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

    /**
     * How the client behaves; {@link #defaults} is what a server starts with.
     *
     * @param version        Kinship's version, for the User-Agent
     * @param publicUrl      this server's public URL, for the User-Agent: peers' operators
     *                       look there when our requests show up in their logs
     * @param perHostLimit   requests in flight to one host at most
     * @param maxFetchBytes  a fetched document larger than this is refused {@code too_large}
     * @param maxRedirects   redirects a fetch follows at most
     */
    public record Settings(String version, URI publicUrl, Duration connectTimeout, Duration requestTimeout,
                           int perHostLimit, int maxFetchBytes, int maxRedirects) {

        public Settings {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(publicUrl, "publicUrl");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (CONTROL.matcher(version).find() || version.isEmpty()) {
                throw new IllegalArgumentException("the version goes into a header: no spaces or control characters");
            }
            if (!publicUrl.isAbsolute() || CONTROL.matcher(publicUrl.toString()).find()) {
                throw new IllegalArgumentException("the public URL must be absolute: " + publicUrl);
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (perHostLimit < 1 || maxFetchBytes < 1 || maxRedirects < 0) {
                throw new IllegalArgumentException("need perHostLimit >= 1, maxFetchBytes >= 1, maxRedirects >= 0");
            }
        }

        /** Connect within 10 s, answer within 30 s, 4 requests per host, 256 KiB documents, 3 redirects. */
        public static Settings defaults(String version, URI publicUrl) {
            return new Settings(version, publicUrl, Duration.ofSeconds(10), Duration.ofSeconds(30), 4, 256 * 1024, 3);
        }

        public Settings withTimeouts(Duration connect, Duration request) {
            return new Settings(version, publicUrl, connect, request, perHostLimit, maxFetchBytes, maxRedirects);
        }

        public Settings withPerHostLimit(int limit) {
            return new Settings(version, publicUrl, connectTimeout, requestTimeout, limit, maxFetchBytes, maxRedirects);
        }

        public Settings withMaxFetchBytes(int bytes) {
            return new Settings(version, publicUrl, connectTimeout, requestTimeout, perHostLimit, bytes, maxRedirects);
        }

        /** {@code Kinship/0.1.0 (+https://kinship.example/)} */
        public String userAgent() {
            return "Kinship/" + version + " (+" + publicUrl + ")";
        }
    }

    private final Settings settings;
    private final AddressPolicy policy;
    private final HostHealth health;
    private final Clock clock;
    private final HttpClient http;
    private final ConcurrentMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public FederationClient(Settings settings, AddressPolicy policy, OutboundTrust trust, HostHealth health, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(settings.connectTimeout())
                .sslContext(trust.sslContext())
                .build();
    }

    /** The system clock and {@link HostHealth#standard}. */
    public FederationClient(Settings settings, AddressPolicy policy, OutboundTrust trust) {
        this(settings, policy, trust, HostHealth.standard(Clock.systemUTC()), Clock.systemUTC());
    }

    /** Which hosts are resting, and until when. */
    public HostHealth hostHealth() {
        return health;
    }

    /**
     * POSTs an activity to an inbox, signed (draft-cavage {@code rsa-sha256} with Digest) by
     * {@code key}.
     *
     * @param body the activity, serialized; sent as {@code application/activity+json}
     */
    public DeliveryOutcome deliver(URI inbox, byte[] body, SigningKey key) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(key, "key");
        long started = System.nanoTime();
        Exchange exchange = exchange("POST", inbox, body, key, Headers.of("Content-Type", ACTIVITY_JSON), info -> ANSWER_BYTES);
        Duration elapsed = since(started);
        if (exchange instanceof Failed failed) {
            return DeliveryOutcome.failed(failed.problem(), -1, failed.retryAt(), failed.detail(), "", elapsed);
        }
        Answered answer = (Answered) exchange;
        Optional<OutboundProblem> problem = problemOf(answer.status());
        if (problem.isEmpty()) {
            return DeliveryOutcome.delivered(answer.status(), elapsed);
        }
        return DeliveryOutcome.failed(problem.get(), answer.status(), retryAfter(answer, problem.get()),
                "HTTP " + answer.status() + " from " + answer.uri() + ".", excerpt(answer.body()), elapsed);
    }

    /**
     * GETs an ActivityStreams document, signed by {@code key} (peers in authorized-fetch mode
     * answer nothing otherwise). Follows up to {@link Settings#maxRedirects()} redirects, each
     * target checked by the address policy again; returns only 2xx bodies of a JSON type within
     * {@link Settings#maxFetchBytes()}.
     */
    public FetchResult fetch(URI target, SigningKey key) {
        Objects.requireNonNull(key, "key");
        long started = System.nanoTime();
        URI current = target;
        for (int redirects = 0; ; redirects++) {
            Exchange exchange = exchange("GET", current, null, key, Headers.of("Accept", ACCEPT), this::fetchLimit);
            if (exchange instanceof Failed failed) {
                String detail = redirects == 0 ? failed.detail() : "After " + redirects + " redirect(s): " + failed.detail();
                return new FetchResult.Refused(failed.problem(), -1, current, failed.retryAt(), detail, since(started));
            }
            Answered answer = (Answered) exchange;
            int status = answer.status();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                if (redirects == settings.maxRedirects()) {
                    return refused(OutboundProblem.TOO_MANY_REDIRECTS, answer,
                            "More than " + settings.maxRedirects() + " redirects, the last at " + current + ".", started);
                }
                Optional<URI> next = redirectTarget(current, answer.headers());
                if (next.isEmpty()) {
                    return refused(OutboundProblem.BAD_REDIRECT, answer,
                            "HTTP " + status + " from " + current + " without a usable Location.", started);
                }
                current = next.get();
                continue;
            }
            Optional<OutboundProblem> problem = problemOf(status);
            if (problem.isPresent()) {
                String excerpt = excerpt(answer.body());
                return new FetchResult.Refused(problem.get(), status, current, retryAfter(answer, problem.get()),
                        "HTTP " + status + " from " + current + (excerpt.isEmpty() ? "." : ": " + excerpt), since(started));
            }
            String contentType = answer.headers().firstValue("content-type").orElse("");
            if (!isActivityJson(contentType)) {
                return refused(OutboundProblem.WRONG_CONTENT_TYPE, answer,
                        current + " answered " + (contentType.isEmpty() ? "no content type" : contentType)
                                + ", not ActivityStreams JSON.", started);
            }
            if (answer.body().exceeded()) {
                return refused(OutboundProblem.TOO_LARGE, answer,
                        current + " answered more than " + settings.maxFetchBytes() + " bytes.", started);
            }
            return new FetchResult.Fetched(current, contentType, answer.body().bytes(), since(started));
        }
    }

    // --- one request, whatever it is for ---

    private sealed interface Exchange permits Answered, Failed {
    }

    private record Answered(URI uri, int status, HttpHeaders headers, Bounded body) implements Exchange {
    }

    private record Failed(OutboundProblem problem, String detail, Optional<Instant> retryAt) implements Exchange {
    }

    /** A body read up to a limit; {@code exceeded} when there was more. */
    private record Bounded(byte[] bytes, boolean exceeded) {
    }

    /**
     * Checks, signs and sends one request, and reads at most {@code bodyLimit} bytes of the answer.
     * Never throws for a peer's or the network's doing.
     */
    private Exchange exchange(String method, URI target, byte[] body, SigningKey key, Headers headers,
                              ToIntFunction<HttpResponse.ResponseInfo> bodyLimit) {
        // A resting host is answered before anything else, its DNS lookup included: that is
        // the point of resting. Refusing early cannot let anything through the policy.
        if (target != null && target.getHost() != null) {
            Optional<Failed> resting = resting(target.getHost().toLowerCase(Locale.ROOT));
            if (resting.isPresent()) {
                return resting.get();
            }
        }
        AddressDecision decision = policy.check(target);
        if (!decision.allowed()) {
            OutboundProblem problem = decision.refusal().orElseThrow();
            if (problem == OutboundProblem.UNKNOWN_HOST) {
                health.recordFailure(target.getHost());
            }
            return new Failed(problem, decision.message(), Optional.empty());
        }
        URI uri = normalised(target);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!tryStart(host)) {
            return new Failed(OutboundProblem.HOST_BUSY, settings.perHostLimit() + " requests to " + host + " are in flight already.",
                    Optional.of(clock.instant().plus(BUSY_RETRY)));
        }
        try {
            Exchange exchange = send(method, uri, body, key, headers, bodyLimit);
            if (exchange instanceof Answered answer) {
                boolean comeBackLater = problemOf(answer.status()).map(OutboundProblem::isTransient).orElse(false);
                if (comeBackLater) {
                    health.recordFailure(host);
                } else {
                    health.recordSuccess(host);
                }
            } else {
                OutboundProblem problem = ((Failed) exchange).problem();
                if (problem == OutboundProblem.TIMEOUT || problem == OutboundProblem.CONNECTION_FAILED
                        || problem == OutboundProblem.TLS_FAILED) {
                    health.recordFailure(host);
                }
            }
            return exchange;
        } finally {
            finish(host);
        }
    }

    private Optional<Failed> resting(String host) {
        return health.restingUntil(host).map(until -> new Failed(OutboundProblem.HOST_RESTING,
                host + " failed " + health.consecutiveFailures(host) + " times in a row and rests until " + until + ".",
                Optional.of(until)));
    }

    private Exchange send(String method, URI uri, byte[] body, SigningKey key, Headers headers,
                          ToIntFunction<HttpResponse.ResponseInfo> bodyLimit) {
        HttpRequest request;
        try {
            Signer signer = new Signer(key.keyId().toString(), key.privateKey(), clock);
            HttpMessage signed = signer.sign(HttpMessage.request(method, uri, headers, body));
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", settings.userAgent())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, String> field : signed.headers().fields()) {
                // The client writes Host itself, from the same normalised URI the Signer saw.
                if (!field.getKey().equalsIgnoreCase("host")) {
                    builder.header(field.getKey(), field.getValue());
                }
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return new Failed(OutboundProblem.INVALID_URL, "Kinship cannot send a request to " + uri + ": " + e.getMessage(), Optional.empty());
        } catch (RuntimeException e) {
            return new Failed(OutboundProblem.UNEXPECTED_ERROR, "Signing the request to " + uri + " failed: " + describe(e), Optional.empty());
        }

        CompletableFuture<HttpResponse<Bounded>> pending =
                http.sendAsync(request, info -> new BoundedSubscriber(Math.max(0, bodyLimit.applyAsInt(info))));
        try {
            HttpResponse<Bounded> response = pending.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Answered(uri, response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Failed(OutboundProblem.TIMEOUT, uri.getHost() + " did not answer within "
                    + settings.requestTimeout().toMillis() + " ms.", Optional.empty());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed(OutboundProblem.INTERRUPTED, "Interrupted while waiting for " + uri.getHost() + ".", Optional.empty());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            OutboundProblem problem = classify(cause);
            return new Failed(problem, uri.getHost() + ": " + describe(cause), Optional.empty());
        } catch (RuntimeException e) {
            return new Failed(OutboundProblem.UNEXPECTED_ERROR, uri.getHost() + ": " + describe(e), Optional.empty());
        }
    }

    /** What went wrong on the way, judged by the whole chain of causes. */
    static OutboundProblem classify(Throwable failure) {
        if (anyInChain(failure, HttpTimeoutException.class)) {
            return OutboundProblem.TIMEOUT;
        }
        if (anyInChain(failure, SSLException.class)) {
            return OutboundProblem.TLS_FAILED;
        }
        if (anyInChain(failure, ConnectException.class) || anyInChain(failure, IOException.class)) {
            return OutboundProblem.CONNECTION_FAILED;
        }
        return OutboundProblem.UNEXPECTED_ERROR;
    }

    private static boolean anyInChain(Throwable failure, Class<? extends Throwable> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable deepest = failure;
        for (int depth = 0; deepest.getCause() != null && depth < 16; depth++) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName()
                : deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
        return clip(message, 300);
    }

    /** The problem an answer's status means; empty for 2xx. Redirects are the caller's business. */
    static Optional<OutboundProblem> problemOf(int status) {
        if (status >= 200 && status < 300) {
            return Optional.empty();
        }
        if (status == 410) {
            return Optional.of(OutboundProblem.GONE);
        }
        if (status == 408) {
            return Optional.of(OutboundProblem.REQUEST_TIMEOUT);
        }
        if (status == 429) {
            return Optional.of(OutboundProblem.RATE_LIMITED);
        }
        if (status >= 400 && status < 500) {
            return Optional.of(OutboundProblem.CLIENT_ERROR);
        }
        if (status >= 500 && status < 600) {
            return Optional.of(OutboundProblem.SERVER_ERROR);
        }
        return Optional.of(OutboundProblem.UNEXPECTED_STATUS);
    }

    /** Retry-After (seconds or an HTTP date) on an answer that asks us to come back. */
    private Optional<Instant> retryAfter(Answered answer, OutboundProblem problem) {
        if (!problem.isTransient()) {
            return Optional.empty();
        }
        return parseRetryAfter(answer.headers().firstValue("retry-after"), clock.instant());
    }

    static Optional<Instant> parseRetryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (SECONDS.matcher(value).matches()) {
            return Optional.of(now.plusSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isBefore(now) ? now : at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private int fetchLimit(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() >= 300) {
            return ANSWER_BYTES;
        }
        boolean declaredTooLarge = info.headers().firstValueAsLong("content-length").orElse(0) > settings.maxFetchBytes();
        // Nothing of a body we will refuse anyway is worth reading.
        if (declaredTooLarge || !isActivityJson(info.headers().firstValue("content-type").orElse(""))) {
            return 0;
        }
        return settings.maxFetchBytes();
    }

    /** ActivityPub's media types, plain JSON, and WebFinger's JRD (the same client looks handles up). */
    static boolean isActivityJson(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/activity+json") || media.equals("application/ld+json") || media.equals("application/json")
                || media.equals("application/jrd+json");
    }

    private static Optional<URI> redirectTarget(URI current, HttpHeaders headers) {
        Optional<String> location = headers.firstValue("location");
        if (location.isEmpty() || location.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(current.resolve(new URI(location.get().strip())));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private FetchResult.Refused refused(OutboundProblem problem, Answered answer, String detail, long started) {
        return new FetchResult.Refused(problem, answer.status(), answer.uri(), Optional.empty(), detail, since(started));
    }

    /**
     * The URL with scheme and host in lower case and no fragment. The Signer signs the host in
     * lower case and {@code java.net.http} sends it as written, so both must see the same.
     */
    private static URI normalised(URI target) {
        String host = target.getHost().toLowerCase(Locale.ROOT);
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return URI.create(target.getScheme().toLowerCase(Locale.ROOT) + "://" + host
                + (target.getPort() == -1 ? "" : ":" + target.getPort())
                + path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    /** At most 200 characters of an answer, on one line. */
    static String excerpt(Bounded body) {
        if (body.bytes().length == 0) {
            return "";
        }
        String text = CONTROL.matcher(new String(body.bytes(), StandardCharsets.UTF_8)).replaceAll(" ").strip();
        String clipped = clip(text, EXCERPT_CHARS);
        return body.exceeded() && clipped.equals(text) ? text + "…" : clipped;
    }

    private static String clip(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxChars - 1)) + "…";
    }

    private boolean tryStart(String host) {
        boolean[] started = {false};
        inFlight.compute(host, (h, count) -> {
            int now = count == null ? 0 : count;
            if (now >= settings.perHostLimit()) {
                return count;
            }
            started[0] = true;
            return now + 1;
        });
        return started[0];
    }

    private void finish(String host) {
        inFlight.computeIfPresent(host, (h, count) -> count <= 1 ? null : count - 1);
    }

    /** Requests to the host in flight now. */
    int inFlight(String host) {
        return inFlight.getOrDefault(host.toLowerCase(Locale.ROOT), 0);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Collects a body up to a limit, then cancels: the JDK's own subscribers read everything. */
    private static final class BoundedSubscriber implements HttpResponse.BodySubscriber<Bounded> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Bounded> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedSubscriber(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Bounded> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = limit - bytes.size();
                if (buffer.remaining() > room) {
                    byte[] part = new byte[room];
                    buffer.get(part);
                    bytes.writeBytes(part);
                    result.complete(new Bounded(bytes.toByteArray(), true));
                    subscription.cancel();
                    return;
                }
                byte[] all = new byte[buffer.remaining()];
                buffer.get(all);
                bytes.writeBytes(all);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(new Bounded(bytes.toByteArray(), false));
        }
    }
}
