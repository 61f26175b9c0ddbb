package org.kinship.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * How the API reads and writes JSON (its own endpoints and plugins' alike). Absent values are
 * written as explicit nulls, so every field a payload documents is always there. A yes/no field
 * takes only JSON {@code true} or {@code false}: JSON-B alone would read {@code "yes"} or {@code 0}
 * as false and quietly switch something off.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .withDeserializers(new StrictBoolean()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** JSON true or false, null for an explicit null; anything else is a malformed request. */
    static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type rtType) {
            JsonParser.Event event = parser.currentEvent();
            return switch (event) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw new JsonbException("Expected true or false, found " + event);
            };
        }
    }
}
