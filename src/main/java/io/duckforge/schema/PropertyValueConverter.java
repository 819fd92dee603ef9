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
 * {@code "12"} and {@code 1.5}, a datetime needs an offset. Used for record data, defaults and filter values.
 * A json property keeps its {@link JsonNode}; the store writes it as JSON text.
 */
public final class PropertyValueConverter {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
                yield node.textValue();
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
            case JSON -> node;
        };
    }

    private static LocalDate parseDate(JsonNode node) {
        require(node.isTextual(), "expected an ISO-8601 date such as 2024-01-31");
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 date such as 2024-01-31");
        }
    }

    // DuckDB keeps microseconds; truncating here makes the answer equal what is stored.
    private static OffsetDateTime parseDateTime(JsonNode node) {
        String message = "expected an ISO-8601 date-time with offset such as 2024-01-31T12:00:00Z";
        require(node.isTextual(), message);
        try {
            return OffsetDateTime.parse(node.textValue())
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
