package org.kinship.plugin.toolbox;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Pattern;

/**
 * Reads one request body field by field, refusing with the field's own code. Bodies are parsed here
 * rather than bound to records, so that "a dose that is not a number" is {@code dose_invalid} and not a
 * generic binding failure, and so that every check runs before anything is written.
 */
final class Fields {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");
    /** Control characters other than the line breaks and tab a longer text may hold. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    final JsonObject body;
    final Refusals refusals;

    Fields(JsonObject body, Refusals refusals) {
        this.body = body;
        this.refusals = refusals;
    }

    /** Parses a request body that must be a JSON object. */
    static Fields parse(String text, Refusals refusals) {
        if (text == null || text.isBlank()) {
            throw refusals.of("malformed_request");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw refusals.of("malformed_request");
            }
            return new Fields(value.asJsonObject(), refusals);
        } catch (JsonException | IllegalStateException e) {
            throw refusals.of("malformed_request");
        }
    }

    private boolean absent(String name) {
        return !body.containsKey(name) || body.isNull(name);
    }

    /** A one-line text, trimmed; {@code null} when absent or blank and not required. */
    String line(String name, int max, boolean required, String code) {
        String s = string(name, code);
        if (s == null || s.isBlank()) {
            if (required) {
                throw refusals.of(code);
            }
            return null;
        }
        s = s.strip();
        if (s.codePointCount(0, s.length()) > max || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || CONTROL.matcher(s).find()) {
            throw refusals.of(code);
        }
        return s;
    }

    /** A text that may span lines, trimmed; {@code null} when absent or blank. */
    String text(String name, int max) {
        String s = string(name, "validation_failed");
        if (s == null || s.isBlank()) {
            return null;
        }
        s = s.strip();
        if (s.codePointCount(0, s.length()) > max) {
            throw refusals.of("text_too_long");
        }
        if (CONTROL.matcher(s).find()) {
            throw refusals.of("validation_failed");
        }
        return s;
    }

    private String string(String name, String code) {
        if (absent(name)) {
            return null;
        }
        JsonValue v = body.get(name);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw refusals.of(code);
        }
        return ((JsonString) v).getString();
    }

    LocalDate date(String name) {
        return date(string(name, "date_invalid"), refusals);
    }

    static LocalDate date(String s, Refusals refusals) {
        if (s == null || !DATE.matcher(s).matches()) {
            throw refusals.of("date_invalid");
        }
        try {
            LocalDate date = LocalDate.parse(s);
            // Far-off years are typing slips, never plans.
            if (date.getYear() < 1900 || date.getYear() > 2199) {
                throw refusals.of("date_invalid");
            }
            return date;
        } catch (DateTimeException e) {
            throw refusals.of("date_invalid");
        }
    }

    /** A time of day as HH:MM; {@code null} when absent and not required. */
    LocalTime time(String name, boolean required) {
        String s = string(name, "time_invalid");
        if (s == null) {
            if (required) {
                throw refusals.of("time_invalid");
            }
            return null;
        }
        return time(s, refusals);
    }

    static LocalTime time(String s, Refusals refusals) {
        if (!TIME.matcher(s).matches()) {
            throw refusals.of("time_invalid");
        }
        int hour = Integer.parseInt(s.substring(0, 2));
        int minute = Integer.parseInt(s.substring(3));
        if (hour > 23 || minute > 59) {
            throw refusals.of("time_invalid");
        }
        return LocalTime.of(hour, minute);
    }

    /** A whole number in [min, max]; {@code null} when absent and not required. */
    Integer integer(String name, int min, int max, boolean required, String code) {
        if (absent(name)) {
            if (required) {
                throw refusals.of(code);
            }
            return null;
        }
        JsonValue v = body.get(name);
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw refusals.of(code);
        }
        BigDecimal n = ((JsonNumber) v).bigDecimalValue();
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw refusals.of(code);
        }
        return n.intValueExact();
    }

    /** The version a change is based on, for optimistic concurrency. */
    int version() {
        return integer("version", 0, Integer.MAX_VALUE, true, "version_invalid");
    }

    JsonValue raw(String name) {
        return absent(name) ? null : body.get(name);
    }
}
