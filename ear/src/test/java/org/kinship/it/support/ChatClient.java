package org.kinship.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client of /live over {@code java.net.http.WebSocket}: every frame it receives is parsed and
 * queued; tests wait for the frames they expect. {@link #paused} opens a client that reads nothing
 * (no demand), the way a stalled phone behaves.
 */
public final class ChatClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    public volatile String closeReason;
    private final List<JsonObject> skipped = new ArrayList<>();
    private final boolean demand;
    private WebSocket socket;

    private ChatClient(boolean demand) {
        this.demand = demand;
    }

    public static URI live() {
        return URI.create(Api.baseUrl().replace("http:", "ws:") + "/live");
    }

    public static ChatClient as(String user) {
        return open(user, true);
    }

    public static ChatClient paused(String user) {
        return open(user, false);
    }

    private static ChatClient open(String user, boolean demand) {
        ChatClient client = new ChatClient(demand);
        client.socket = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.of(user))
                .buildAsync(live(), client.listener())
                .orTimeout(20, TimeUnit.SECONDS)
                .join();
        if (demand) {
            client.next("welcome");
        }
        return client;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onOpen(WebSocket webSocket) {
                if (demand) {
                    webSocket.request(1);
                }
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeReason = reason;
                closedWith.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closedWith.complete(-1);
            }
        };
    }

    /** Lets a paused client read again. */
    public void resumeReading() {
        socket.request(Long.MAX_VALUE);
    }

    public ChatClient send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
        return this;
    }

    /** Sends without waiting (a paused or closing connection). */
    public void sendAsync(String json) {
        socket.sendText(json, true);
    }

    public JsonObject next(String type) {
        return next(f -> type.equals(f.getString("type")), Duration.ofSeconds(20), type);
    }

    /** The next frame matching, remembering the ones skipped on the way (see {@link #skipped}). */
    public JsonObject next(Predicate<JsonObject> wanted, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (f == null) {
                    throw new AssertionError("no " + what + " frame within " + timeout + "; skipped: " + skipped);
                }
                if (wanted.test(f)) {
                    return f;
                }
                skipped.add(f);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The error frame answering the frame with this ref. */
    public JsonObject error(String ref) {
        return next(f -> "error".equals(f.getString("type")) && ref.equals(f.getString("ref", null)), Duration.ofSeconds(20),
                "error for " + ref);
    }

    public List<JsonObject> skipped() {
        return skipped;
    }

    public JsonObject join(String room) {
        send("{\"type\":\"join\",\"room\":" + Api.str(room) + "}");
        return next("joined");
    }

    public JsonObject sendMessage(String room, String clientId, String body) {
        send("{\"type\":\"send\",\"room\":" + Api.str(room) + ",\"clientId\":" + Api.str(clientId) + ",\"body\":" + Api.str(body) + "}");
        return next(f -> "ack".equals(f.getString("type")) && clientId.equals(f.getString("clientId")), Duration.ofSeconds(20),
                "ack of " + clientId);
    }

    /** Drops the connection without a closing handshake, as a lost network would. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    public static String json(Object... keyValues) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v instanceof Number n) {
                b.add((String) keyValues[i], n.longValue());
            } else if (v instanceof Boolean bool) {
                b.add((String) keyValues[i], bool);
            } else {
                b.add((String) keyValues[i], String.valueOf(v));
            }
        }
        return b.build().toString();
    }
}
