package org.kinship.federation.document;

import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bytes of a document as it is served, signed and sent: UTF-8, compact, keys in the order they were
 * built. The digest in a signed request covers these exact bytes, so a document is written once and those
 * bytes are what is stored in the outbox and delivered, never re-serialised on the way.
 */
public final class JsonBytes {

    /** No configuration: compact output, no pretty printing. */
    private static final JsonWriterFactory WRITERS = Fields.JSON.createWriterFactory(Map.of());

    private JsonBytes() {
    }

    public static byte[] write(JsonObject document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonWriter writer = WRITERS.createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(document);
        }
        return out.toByteArray();
    }
}
