package org.kinship.web.live;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.Decoder;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;
import org.kinship.platform.chat.RoomId;
import org.kinship.platform.error.ErrorCode;

/**
 * Reads a client frame. Never throws: what it cannot read becomes {@link ClientFrame.Refused} with the
 * error code the client will see ({@code malformed_frame}, {@code unknown_message_type},
 * {@code message_too_large}, {@code room_not_found}), so the endpoint answers bad input in one way.
 */
public class ClientFrameDecoder implements Decoder.Text<ClientFrame> {
    /** Frames longer than this (characters) are refused with {@code message_too_large}; the connection stays open. */
    public static final int MAX_FRAME_CHARS = 16_384;
    /** One factory for every frame (Json.createReader looks the provider up with a ServiceLoader on each call). */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    @Override
    public ClientFrame decode(String text) {
        return read(text);
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }

    /** Thrown inside the decoder only, for a field of the wrong shape. */
    private static final class Bad extends RuntimeException {
        final ErrorCode code;

        Bad(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    public static ClientFrame read(String text) {
        if (text == null || text.length() > MAX_FRAME_CHARS) {
            return new ClientFrame.Refused(null, ErrorCode.MESSAGE_TOO_LARGE,
                    "A frame may be at most " + MAX_FRAME_CHARS + " characters long.");
        }
        JsonObject o;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new ClientFrame.Refused(null, ErrorCode.MALFORMED_FRAME, "A frame is a JSON object with a \"type\".");
            }
            o = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return new ClientFrame.Refused(null, ErrorCode.MALFORMED_FRAME, "A frame is a JSON object with a \"type\".");
        }
        String ref = null;
        try {
            ref = optionalString(o, "ref");
            if (ref != null && ref.length() > 64) {
                throw new Bad(ErrorCode.MALFORMED_FRAME, "\"ref\" is at most 64 characters.");
            }
            String type = optionalString(o, "type");
            if (type == null) {
                throw new Bad(ErrorCode.MALFORMED_FRAME, "A frame needs a \"type\".");
            }
            return switch (type) {
                case "join" -> new ClientFrame.Join(ref, room(o));
                case "resume" -> new ClientFrame.Resume(ref, room(o), requiredLong(o, "afterSeq"));
                case "leave" -> new ClientFrame.Leave(ref, room(o));
                case "send" -> new ClientFrame.Send(ref, room(o), optionalString(o, "clientId"), optionalString(o, "body"));
                case "edit" -> new ClientFrame.Edit(ref, room(o), requiredLong(o, "seq"), optionalString(o, "body"));
                case "delete" -> new ClientFrame.Delete(ref, room(o), requiredLong(o, "seq"), optionalString(o, "reason"));
                case "react" -> new ClientFrame.React(ref, room(o), requiredLong(o, "seq"), optionalString(o, "reaction"),
                        optionalBoolean(o, "on", true));
                case "typing" -> new ClientFrame.Typing(ref, room(o));
                case "read" -> new ClientFrame.Read(ref, room(o), requiredLong(o, "seq"));
                case "history" -> new ClientFrame.History(ref, room(o), optionalLong(o, "beforeSeq"),
                        optionalLong(o, "limit") == null ? null : (int) Math.min(Integer.MAX_VALUE, optionalLong(o, "limit")));
                case "open_dm" -> new ClientFrame.OpenDm(ref, optionalString(o, "community"), optionalString(o, "pseudonym"));
                case "report" -> new ClientFrame.Report(ref, room(o), requiredLong(o, "seq"), optionalString(o, "reason"));
                case "ping" -> new ClientFrame.Ping(ref);
                default -> throw new Bad(ErrorCode.UNKNOWN_MESSAGE_TYPE, "Unknown frame type \"" + abbreviated(type) + "\".");
            };
        } catch (Bad bad) {
            return new ClientFrame.Refused(ref, bad.code, bad.getMessage());
        }
    }

    private static RoomId room(JsonObject o) {
        String id = optionalString(o, "room");
        if (id == null) {
            throw new Bad(ErrorCode.MALFORMED_FRAME, "This frame needs a \"room\".");
        }
        try {
            return new RoomId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new Bad(ErrorCode.ROOM_NOT_FOUND, "There is no such room.");
        }
    }

    private static String optionalString(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new Bad(ErrorCode.MALFORMED_FRAME, "\"" + name + "\" must be a string.");
    }

    private static Long optionalLong(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new Bad(ErrorCode.MALFORMED_FRAME, "\"" + name + "\" is out of range.");
            }
        }
        throw new Bad(ErrorCode.MALFORMED_FRAME, "\"" + name + "\" must be a whole number.");
    }

    private static long requiredLong(JsonObject o, String name) {
        Long value = optionalLong(o, name);
        if (value == null) {
            throw new Bad(ErrorCode.MALFORMED_FRAME, "This frame needs \"" + name + "\".");
        }
        return value;
    }

    private static boolean optionalBoolean(JsonObject o, String name, boolean absent) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return absent;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new Bad(ErrorCode.MALFORMED_FRAME, "\"" + name + "\" must be true or false.");
    }

    private static String abbreviated(String s) {
        String clean = s.replaceAll("[^\\p{Alnum}_-]", "?");
        return clean.length() <= 32 ? clean : clean.substring(0, 32) + "…";
    }
}
