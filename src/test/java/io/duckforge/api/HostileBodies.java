package io.duckforge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * One-row CSV and Parquet bodies carrying a {@link HostileValues.Case}, the way a client would write that value in
 * the format, or nothing where the format cannot say the same thing: CSV has no types, so only a value of its
 * property's own JSON type is comparable; Parquet text cannot hold a lone surrogate.
 */
final class HostileBodies {

    private static final Set<String> TEXT_PROPERTIES = Set.of("sensor", "day", "taken_at", "batch");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private HostileBodies() {
    }

    static Optional<String> csv(String marker, HostileValues.Case value) throws JsonProcessingException {
        JsonNode node = value.value();
        String field;
        if ("payload".equals(value.property()) && !node.isNull()) {
            field = quoted(HostileValues.ESCAPED.writeValueAsString(node));
        } else if (TEXT_PROPERTIES.contains(value.property()) && node.isTextual() && wellFormed(node.textValue())) {
            field = quoted(node.textValue());
        } else if (Set.of("reading", "level").contains(value.property()) && node.isNumber()
                || "active".equals(value.property()) && node.isBoolean()) {
            field = node.toString();
        } else {
            return Optional.empty();
        }
        return Optional.of(header(value) + "\r\n" + ("sensor".equals(value.property()) ? "" : "h,") + marker + "," + field + "\r\n");
    }

    static Optional<byte[]> parquet(String marker, HostileValues.Case value) throws JsonProcessingException {
        Optional<String> column = column(value);
        if (column.isEmpty()) {
            return Optional.empty();
        }
        String select = "SELECT " + ("sensor".equals(value.property()) ? "" : "'h' AS sensor, ") + "'" + marker
                + "' AS serial, " + column.get() + " AS " + value.property();
        try {
            return Optional.of(ColumnarBodies.parquet(select));
        } catch (Exception e) {
            return Optional.empty(); // DuckDB cannot write the value itself (1e400 as a DOUBLE): no such file exists
        }
    }

    /** The value as a column of the type a Parquet writer would give it. */
    private static Optional<String> column(HostileValues.Case value) throws JsonProcessingException {
        JsonNode node = value.value();
        if ("payload".equals(value.property())) {
            return node.isNull() ? Optional.empty() : text(PLAIN.writeValueAsString(node));
        }
        if ("day".equals(value.property()) && node.isTextual()) {
            return date(node.textValue());
        }
        if ("taken_at".equals(value.property()) && node.isTextual()) {
            return timestamp(node.textValue());
        }
        if (node.isTextual()) {
            return text(node.textValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Optional.of(node.longValue() + "::BIGINT") : Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of("'" + node.asText() + "'::DOUBLE");
        }
        if (node.isBoolean()) {
            return Optional.of(String.valueOf(node.booleanValue()));
        }
        return Optional.empty();
    }

    /** A DATE column, as a Parquet writer makes one from a date it could read; by day number, so any year goes. */
    private static Optional<String> date(String text) {
        try {
            return Optional.of("(DATE '1970-01-01' + " + LocalDate.parse(text).toEpochDay() + ")");
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A UTC-adjusted timestamp column in microseconds, as Parquet writers store one. */
    private static Optional<String> timestamp(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
            return Optional.of("timezone('UTC', make_timestamp(" + micros + "::BIGINT))");
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(String text) {
        boolean literalSafe = wellFormed(text) && text.chars().allMatch(c -> c >= 0x20);
        return literalSafe ? Optional.of("'" + text.replace("'", "''") + "'") : Optional.empty();
    }

    private static String header(HostileValues.Case value) {
        return "sensor".equals(value.property()) ? "serial,sensor" : "sensor,serial," + value.property();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
