package org.kinship.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for Kinship's REST API, as a user of the API would call it. It talks to the
 * Arquillian-managed server ({@link #baseUrl()}) unless {@link #on(String)} points it at another one (the
 * federation ITs' second server).
 */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String token;
    private final String base;

    private Api(String token, String base) {
        this.token = token;
        this.base = base;
    }

    /** Not signed in. */
    public static Api anonymous() {
        return new Api(null, baseUrl());
    }

    /** Signed in as one of the realm's users (see {@link Tokens}). */
    public static Api as(String user) {
        return new Api(Tokens.of(user), baseUrl());
    }

    /** The same caller on another Kinship server (its base URL, e.g. {@code http://localhost:8330}). */
    public Api on(String baseUrl) {
        return new Api(token, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    /** The server this client talks to. */
    public String base() {
        return base;
    }

    public static String baseUrl() {
        return "http://localhost:" + Integer.getInteger("kinship.it.http-port", 8280);
    }

    public static String managementUrl() {
        return "http://localhost:" + Integer.getInteger("kinship.it.management-port", 10190);
    }

    public Reply get(String path) {
        return send(builder(path).GET());
    }

    public Reply post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    /** Any request, for the bad-input tests (wrong content type, odd methods). */
    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** A response: status, body and content type, with JSON helpers. */
    public record Reply(int status, String body, String contentType) {
        public JsonStructure json() {
            try {
                return Json.createReader(new StringReader(body)).read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public JsonObject object() {
            return json().asJsonObject();
        }

        public JsonArray array() {
            return (JsonArray) json();
        }

        /** The stable error code of an error response. */
        public String error() {
            JsonObject o = object();
            if (!o.containsKey("error") || !o.containsKey("message")) {
                throw new AssertionError("not an error body (status " + status + "): " + body);
            }
            return o.getString("error");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** JSON string literal for building request bodies by hand. */
    public static String str(String s) {
        return s == null ? "null" : Json.createValue(s).toString();
    }

    public static boolean isNull(JsonObject o, String key) {
        return !o.containsKey(key) || o.get(key).getValueType() == JsonValue.ValueType.NULL;
    }
}
