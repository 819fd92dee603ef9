package io.duckforge.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Converts a JSON value to the Java value of a property type, strictly: an integer property refuses
 * {@code "12"} and {@code 1.5}, a datetime needs an offset, dates and datetimes lie in the years 0001 to 9999
 * (what ISO 8601 writes without an expanded year, so every format renders and reads them alike), text is
 * well-formed Unicode. Used for record data, defaults and filter values; Parquet and Arrow bodies follow the same
 * rules in SQL ({@code ColumnValueRules}). A json property keeps its {@link JsonNode}; the store writes it as JSON text.
 */
public final class PropertyValueConverter {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private PropertyValueConverter() {
    }

    /**
     * @return the converted value, or {@code null} for a JSON null
     * @throws IllegalArgumentException with a message fit for the client when the value does not fit the type
     */
    public static Object convert(PropertyType type, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (type) {
            case STRING -> {
                require(node.isTextual(), "expected a string");
                yield wellFormed(node.textValue());
            }
            case INTEGER -> {
                require(node.isIntegralNumber() && node.canConvertToLong(), "expected an integer (64-bit)");
                yield node.longValue();
            }
            case NUMBER -> {
                require(node.isNumber() && Double.isFinite(node.doubleValue()), "expected a number");
                yield node.doubleValue();
            }
            case BOOLEAN -> {
                require(node.isBoolean(), "expected true or false");
                yield node.booleanValue();
            }
            case DATE -> parseDate(node);
            case DATETIME -> parseDateTime(node);
            case UUID -> {
                require(node.isTextual() && CANONICAL_UUID.matcher(node.textValue()).matches(), "expected a UUID");
                yield UUID.fromString(node.textValue());
            }
            case JSON -> {
                JsonDocumentRules.check(node);
                yield node;
            }
        };
    }

    private static LocalDate parseDate(JsonNode node) {
        require(node.isTextual(), "expected an ISO-8601 date such as 2024-01-31");
        try {
            LocalDate date = LocalDate.parse(node.textValue());
            requireYearInRange(date.getYear());
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 date such as 2024-01-31");
        }
    }

    // DuckDB keeps microseconds; truncating here makes the answer equal what is stored.
    private static OffsetDateTime parseDateTime(JsonNode node) {
        String message = "expected an ISO-8601 date-time with offset such as 2024-01-31T12:00:00Z";
        require(node.isTextual(), message);
        try {
            OffsetDateTime instant = OffsetDateTime.parse(node.textValue())
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS);
            requireYearInRange(instant.getYear());
            return instant;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireYearInRange(int year) {
        require(year >= MIN_YEAR && year <= MAX_YEAR, "the year must lie between 0001 and 9999 (in UTC for a date-time)");
    }

    /**
     * A lone UTF-16 surrogate (JSON's {@code "\ud800"}) has no UTF-8 form, so it could only be stored altered.
     */
    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                require(paired, "the text holds an unpaired UTF-16 surrogate at position " + i);
                i++;
            }
        }
        return text;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
