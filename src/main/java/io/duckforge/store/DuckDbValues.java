package io.duckforge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.schema.PropertyType;
import org.duckdb.DuckDBAppender;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Moves domain values in and out of DuckDB: bound parameters, Appender cells and result columns. */
final class DuckDbValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DuckDbValues() {
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, value instanceof JsonNode json ? json.toString() : value);
        }
    }

    /**
     * A quoted SQL string literal, for the statements that take no bound parameters (SET, COPY, EXPORT/IMPORT
     * DATABASE, a table function's file). Only for the operator's configuration and the service's own paths, never
     * for client input.
     */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@link #literal(String)} of a file's absolute path. */
    static String literal(Path path) {
        return literal(path.toAbsolutePath().toString());
    }

    static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String text) {
            appender.append(text);
        } else if (value instanceof Long number) {
            appender.append((long) number);
        } else if (value instanceof Double number) {
            appender.append((double) number);
        } else if (value instanceof Boolean flag) {
            appender.append((boolean) flag);
        } else if (value instanceof LocalDate date) {
            appender.append(date);
        } else if (value instanceof OffsetDateTime instant) {
            appender.appendEpochMicros(epochMicros(instant));
        } else if (value instanceof UUID uuid) {
            appender.append(uuid);
        } else if (value instanceof JsonNode json) {
            appender.append(json.toString());
        } else {
            throw new IllegalArgumentException("No DuckDB mapping for " + value.getClass().getName());
        }
    }

    /** The driver's own OffsetDateTime conversion walks the calendar for every value; this is two multiplications. */
    static long epochMicros(OffsetDateTime instant) {
        return instant.toEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static Object read(ResultSet row, String column, PropertyType type) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> value.toString();
            case INTEGER -> ((Number) value).longValue();
            case NUMBER -> ((Number) value).doubleValue();
            case BOOLEAN -> value;
            case DATE -> value instanceof LocalDate date ? date : LocalDate.parse(value.toString());
            case DATETIME -> ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
            case UUID -> value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
            case JSON -> parseJson(value.toString());
        };
    }

    private static JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
