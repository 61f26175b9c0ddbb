package org.kinship.federation.jsonld;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Parses a body into a JSON object in one streaming pass that stops at the nesting limit, so a
 * hostile document (10,000 nested arrays) is refused before any tree or JSON-LD processing exists.
 * The size limit is the caller's: it is checked on the bytes before this runs.
 */
final class BoundedJson {

    private final JsonProvider provider;
    private final JsonParserFactory parsers;
    private final int maxDepth;
    private final int maxNestedContexts;

    BoundedJson(JsonProvider provider, int maxDepth, int maxNestedContexts) {
        this.provider = provider;
        // Looking the provider up per call costs a ServiceLoader scan: keep one factory.
        this.parsers = provider.createParserFactory(Map.of());
        this.maxDepth = maxDepth;
        this.maxNestedContexts = maxNestedContexts;
    }

    ReadResult<JsonObject> parse(byte[] body) {
        try (JsonParser parser = parsers.createParser(new ByteArrayInputStream(body))) {
            Deque<Frame> stack = new ArrayDeque<>();
            JsonValue root = null;
            int nestedContexts = 0;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                JsonValue completed = null;
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.size() >= maxDepth) {
                            return ReadResult.refused(RefusalReason.TOO_DEEP,
                                    "JSON nests deeper than " + maxDepth + " levels");
                        }
                        stack.push(event == JsonParser.Event.START_OBJECT
                                ? new Frame(provider.createObjectBuilder(), null)
                                : new Frame(null, provider.createArrayBuilder()));
                    }
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (stack.size() > 1 && key.equals("@context") && ++nestedContexts > maxNestedContexts) {
                            return ReadResult.refused(RefusalReason.TOO_COMPLEX,
                                    "more than " + maxNestedContexts + " nested @context values");
                        }
                        stack.peek().key = key;
                    }
                    case END_OBJECT -> completed = stack.pop().object.build();
                    case END_ARRAY -> completed = stack.pop().array.build();
                    case VALUE_STRING -> completed = provider.createValue(parser.getString());
                    case VALUE_NUMBER -> completed = provider.createValue(parser.getBigDecimal());
                    case VALUE_TRUE -> completed = JsonValue.TRUE;
                    case VALUE_FALSE -> completed = JsonValue.FALSE;
                    case VALUE_NULL -> completed = JsonValue.NULL;
                    default -> throw new IllegalStateException("unexpected JSON event " + event);
                }
                if (completed != null) {
                    Frame top = stack.peek();
                    if (top == null) {
                        root = completed;
                    } else if (top.object != null) {
                        top.object.add(top.key, completed);
                    } else {
                        top.array.add(completed);
                    }
                }
            }
            if (root == null) {
                return ReadResult.refused(RefusalReason.MALFORMED_JSON, "the body is empty");
            }
            if (!(root instanceof JsonObject object)) {
                return ReadResult.refused(RefusalReason.NOT_AN_OBJECT,
                        "the body is a JSON " + root.getValueType().name().toLowerCase() + ", not an object");
            }
            return ReadResult.read(object);
        } catch (JsonException | NoSuchElementException | IllegalStateException | NumberFormatException e) {
            // Parsson's messages name a line and column, never the content: safe to pass on.
            return ReadResult.refused(RefusalReason.MALFORMED_JSON, "the body is not valid JSON: " + e.getMessage());
        }
    }

    private static final class Frame {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        String key;

        Frame(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
        }
    }
}
