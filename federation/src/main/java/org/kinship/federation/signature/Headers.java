package org.kinship.federation.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered, case-insensitive multimap of HTTP header fields.
 *
 * <p>Order is kept because both signature schemes concatenate repeated fields in the order they
 * arrived; RFC 9421 (B.4) treats swapping two {@code Accept} lines as a different message.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(List.of());
    private static final java.util.regex.Pattern OBSOLETE_FOLD = java.util.regex.Pattern.compile("\\s*\\r?\\n\\s+");

    private final List<Map.Entry<String, String>> fields;

    private Headers(List<Map.Entry<String, String>> fields) {
        this.fields = fields;
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Builds headers from name/value pairs: {@code of("Host", "a.example", "Date", "...")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Headers headers = EMPTY;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers = headers.with(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** A copy with one more field line at the end (an existing field of that name is kept). */
    public Headers with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        List<Map.Entry<String, String>> copy = new ArrayList<>(fields.size() + 1);
        copy.addAll(fields);
        copy.add(Map.entry(name, value));
        return new Headers(Collections.unmodifiableList(copy));
    }

    /** A copy whose field {@code name} has exactly this one value. */
    public Headers replacing(String name, String value) {
        return without(name).with(name, value);
    }

    public Headers without(String name) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(fields.size());
        for (Map.Entry<String, String> field : fields) {
            if (!field.getKey().equalsIgnoreCase(name)) {
                copy.add(field);
            }
        }
        return new Headers(Collections.unmodifiableList(copy));
    }

    /** Every value of the field, in arrival order; empty when absent. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(1);
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                values.add(field.getValue());
            }
        }
        return values;
    }

    public Optional<String> first(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /**
     * The field's lines joined the way both signature schemes canonicalise them: each value
     * trimmed of surrounding whitespace (obsolete line folding collapsed), joined with ", ".
     */
    public Optional<String> combined(String name) {
        List<String> values = all(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (joined.length() > 0) {
                joined.append(", ");
            }
            joined.append(value.indexOf('\n') < 0 ? value.strip() : OBSOLETE_FOLD.matcher(value).replaceAll(" ").strip());
        }
        return Optional.of(joined.toString());
    }

    /** The field lines, names as received. */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            text.append(field.getKey().toLowerCase(Locale.ROOT)).append(": ").append(field.getValue()).append('\n');
        }
        return text.toString();
    }
}
