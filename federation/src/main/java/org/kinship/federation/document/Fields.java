package org.kinship.federation.document;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds one JSON object in the order its fields are added, leaving out whatever is absent: a {@code null},
 * an empty string, an empty list. Peers treat {@code "summary": null} or {@code "cc": []} differently (some
 * refuse, some show "null"), and absent is what those values mean, so they are never written.
 */
final class Fields {

    /** Looked up once: {@code Json.create...} asks the service loader again on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private final JsonObjectBuilder builder = JSON.createObjectBuilder();

    private Fields() {
    }

    /** A top-level document: Kinship's {@code @context} first. */
    static Fields document(URI id, String type) {
        Fields fields = new Fields();
        fields.builder.add("@context", Contexts.kinship());
        return fields.iri("id", id).text("type", type);
    }

    /** A node inside a document (a Place, a public key): no {@code @context}, an id only when it has one. */
    static Fields node(String type) {
        return new Fields().text("type", type);
    }

    Fields text(String key, String value) {
        if (value != null && !value.isEmpty()) {
            builder.add(key, value);
        }
        return this;
    }

    Fields iri(String key, URI value) {
        if (value != null) {
            builder.add(key, value.toString());
        }
        return this;
    }

    /** Always an array, even for one: some peers only look for recipients in arrays. */
    Fields iris(String key, List<URI> values) {
        if (values != null && !values.isEmpty()) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            values.forEach(v -> array.add(v.toString()));
            builder.add(key, array);
        }
        return this;
    }

    Fields time(String key, Instant value) {
        if (value != null) {
            builder.add(key, DateTimeFormatter.ISO_INSTANT.format(value));
        }
        return this;
    }

    Fields bool(String key, boolean value) {
        builder.add(key, value);
        return this;
    }

    Fields number(String key, long value) {
        builder.add(key, value);
        return this;
    }

    Fields number(String key, Integer value) {
        if (value != null) {
            builder.add(key, value.intValue());
        }
        return this;
    }

    Fields object(String key, JsonObject value) {
        if (value != null && !value.isEmpty()) {
            builder.add(key, value);
        }
        return this;
    }

    Fields array(String key, JsonArrayBuilder value) {
        builder.add(key, value);
        return this;
    }

    JsonObject build() {
        return builder.build();
    }

    // --- argument checks: these are the caller's programming errors, not a peer's input -------------------

    /** An id Kinship publishes: absolute http(s) with a host, as every peer (and our reader) requires. */
    static URI httpId(URI value, String what) {
        Objects.requireNonNull(value, what);
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || value.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) IRI with a host: " + value);
        }
        return value;
    }

    /** As {@link #httpId} when present; {@code null} stays absent. */
    static URI optionalHttpId(URI value, String what) {
        return value == null ? null : httpId(value, what);
    }

    static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
