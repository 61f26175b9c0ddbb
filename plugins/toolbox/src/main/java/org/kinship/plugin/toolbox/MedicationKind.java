package org.kinship.plugin.toolbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One medicine in my overview: name, dose (a number and a unit), the times of day I take it, what it is
 * for, and the side effects I notice. An overview for the member, not a prescription: it checks that a
 * dose is a dose, not that it is right.
 */
final class MedicationKind extends ItemKind {
    /** Units as codes; the web client names them in the reader's language. */
    static final Set<String> UNITS = Set.of("mg", "g", "mcg", "ml", "iu", "tablet", "capsule", "drop", "puff", "patch", "sachet", "dose");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,6}([.,]\\d{1,3})?");
    private static final BigDecimal MAX = new BigDecimal("100000");
    static final int MAX_TIMES = 12;

    @Override
    String path() {
        return "medications";
    }

    @Override
    String table() {
        return "toolbox_medication";
    }

    @Override
    List<String> columns() {
        return List.of("name", "dose_amount", "dose_unit", "times", "purpose", "side_effects");
    }

    @Override
    Object[] values(Fields f) {
        String name = f.line("name", 100, true, "name_invalid");
        BigDecimal amount = amount(f);
        String unit = f.line("doseUnit", 16, true, "dose_invalid");
        if (!UNITS.contains(unit)) {
            throw f.refusals.of("dose_invalid");
        }
        String times = times(f);
        String purpose = f.text("purpose", 500);
        String sideEffects = f.text("sideEffects", 2000);
        return new Object[] {name, amount, unit, times, purpose, sideEffects};
    }

    /** A number above 0 with at most three decimals; as a JSON number or a string ("2,5" as Norwegians write it). */
    private static BigDecimal amount(Fields f) {
        JsonValue v = f.raw("doseAmount");
        String text;
        if (v == null) {
            throw f.refusals.of("dose_invalid");
        } else if (v.getValueType() == JsonValue.ValueType.NUMBER) {
            text = ((JsonNumber) v).bigDecimalValue().stripTrailingZeros().toPlainString();
        } else if (v.getValueType() == JsonValue.ValueType.STRING) {
            text = ((JsonString) v).getString().strip();
        } else {
            throw f.refusals.of("dose_invalid");
        }
        if (!AMOUNT.matcher(text).matches()) {
            throw f.refusals.of("dose_invalid");
        }
        BigDecimal amount = new BigDecimal(text.replace(',', '.'));
        if (amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
            throw f.refusals.of("dose_invalid");
        }
        return amount;
    }

    private static String times(Fields f) {
        JsonValue v = f.raw("times");
        if (v == null) {
            return "";
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().size() > MAX_TIMES) {
            throw f.refusals.of("time_invalid");
        }
        TreeSet<LocalTime> times = new TreeSet<>();
        for (JsonValue t : v.asJsonArray()) {
            if (t.getValueType() != JsonValue.ValueType.STRING) {
                throw f.refusals.of("time_invalid");
            }
            times.add(Fields.time(((JsonString) t).getString(), f.refusals));
        }
        return String.join(",", times.stream().map(ActivityKind::hhmm).toList());
    }

    @Override
    void write(ResultSet row, JsonObjectBuilder out) throws SQLException {
        out.add("name", row.getString("name"));
        out.add("doseAmount", row.getBigDecimal("dose_amount").stripTrailingZeros().toPlainString());
        out.add("doseUnit", row.getString("dose_unit"));
        JsonArrayBuilder times = Json.createArrayBuilder();
        String stored = row.getString("times");
        if (!stored.isEmpty()) {
            for (String t : stored.split(",")) {
                times.add(t);
            }
        }
        out.add("times", times);
        Store.addNullable(out, "purpose", row.getString("purpose"));
        Store.addNullable(out, "sideEffects", row.getString("side_effects"));
    }

    @Override
    String order() {
        return "name, id";
    }
}
