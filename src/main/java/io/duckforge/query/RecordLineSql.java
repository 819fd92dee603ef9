package io.duckforge.query;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.SystemColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one-column SELECT expression that renders each record as a line of text inside DuckDB. Formatting in SQL runs in
 * DuckDB's vectorised, parallel native code, and Java then copies one string per row instead of turning every value
 * into an object and formatting it again: the difference between a third and more than the whole of
 * {@code COPY ... TO}'s speed (see docs/benchmarks/findings.md).
 *
 * <p>Values render as the JSON API writes them: datetimes as ISO-8601 in UTC with a {@code Z} and the fraction
 * without trailing zeros (Java's {@code ISO_OFFSET_DATE_TIME}), json values as compact JSON, numbers as numbers.
 */
public final class RecordLineSql {

    private RecordLineSql() {
    }

    /**
     * The line with its terminator, as UTF-8 bytes: a BLOB reaches Java as a byte array to copy, where a VARCHAR
     * would be decoded into a String only to be encoded again (a quarter of a stream's time, measured).
     */
    static String line(TextFormat format, DatasetSchema schema, List<String> fields) {
        List<PropertyDefinition> properties = schema.selectedProperties(fields);
        return switch (format) {
            case NDJSON -> "encode(" + ndjson(schema, properties) + " || chr(10))";
            case CSV -> "encode(" + csv(properties) + " || chr(13) || chr(10))";
        };
    }

    /**
     * A flat row of named columns (an aggregate's group: its keys, then its metrics), as a line of {@code format}
     * with its terminator: NDJSON {@code {"column": value, ...}}, or CSV fields in the columns' order.
     */
    public static String row(TextFormat format, List<PropertyDefinition> columns) {
        return row(format, columns, Set.of());
    }

    /**
     * @param wholeSeconds datetime columns whose values never have a fraction of a second (a calendar bucket's start):
     *                     written without trimming one, which is a fifth of what rendering such a line costs
     */
    public static String row(TextFormat format, List<PropertyDefinition> columns, Set<String> wholeSeconds) {
        return switch (format) {
            case NDJSON -> "encode(to_json({" + columns.stream()
                    .map(column -> literal(column.name()) + ": " + jsonValue(column, wholeSeconds.contains(column.name())))
                    .collect(Collectors.joining(", ")) + "}) || chr(10))";
            case CSV -> "encode(concat_ws(',', " + columns.stream()
                    .map(column -> csvField(column, wholeSeconds.contains(column.name())))
                    .collect(Collectors.joining(", ")) + ") || chr(13) || chr(10))";
        };
    }

    /** {@code {"id", "schema_name", "data": {...}, "created_at", "updated_at", "version"}}, the record envelope. */
    private static String ndjson(DatasetSchema schema, List<PropertyDefinition> properties) {
        String data = properties.isEmpty() ? "'{}'::JSON" : properties.stream()
                .map(property -> literal(property.name()) + ": " + jsonValue(property))
                .collect(Collectors.joining(", ", "{", "}"));
        return "to_json({'id': " + column(SystemColumn.ID)
                + ", 'schema_name': " + literal(schema.name())
                + ", 'data': " + data
                + ", 'created_at': " + isoInstant(column(SystemColumn.CREATED_AT))
                + ", 'updated_at': " + isoInstant(column(SystemColumn.UPDATED_AT))
                + ", 'version': " + column(SystemColumn.VERSION) + "})";
    }

    /** System columns (never null), then the properties, comma-separated; null is an empty field. */
    private static String csv(List<PropertyDefinition> properties) {
        List<String> fields = new ArrayList<>();
        fields.add(column(SystemColumn.ID) + "::VARCHAR");
        fields.add(isoInstant(column(SystemColumn.CREATED_AT)));
        fields.add(isoInstant(column(SystemColumn.UPDATED_AT)));
        fields.add(column(SystemColumn.VERSION) + "::VARCHAR");
        for (PropertyDefinition property : properties) {
            fields.add(csvField(property));
        }
        // One concat_ws instead of a chain of ||: half the time, as each || copies the line so far. Every field is
        // non-null here, so concat_ws skipping nulls never drops a column.
        return "concat_ws(',', " + String.join(", ", fields) + ")";
    }

    private static String jsonValue(PropertyDefinition property) {
        return jsonValue(property, false);
    }

    private static String jsonValue(PropertyDefinition property, boolean wholeSeconds) {
        String column = RecordSqlBuilder.quoted(property.name());
        return property.type() == PropertyType.DATETIME ? isoInstant(column, wholeSeconds) : column;
    }

    /**
     * Text that may hold a comma, quote, CR or LF is quoted with its quotes doubled; an empty string is quoted too so
     * that it reads back as {@code ""} while an empty field reads back as null.
     */
    private static String csvField(PropertyDefinition property) {
        return csvField(property, false);
    }

    private static String csvField(PropertyDefinition property, boolean wholeSeconds) {
        String column = RecordSqlBuilder.quoted(property.name());
        String text = switch (property.type()) {
            case DATETIME -> isoInstant(column, wholeSeconds);
            case STRING, JSON -> {
                String value = column + "::VARCHAR";
                yield "CASE WHEN " + value + " = '' OR contains(" + value + ", ',') OR contains(" + value + ", '\"')"
                        + " OR contains(" + value + ", chr(10)) OR contains(" + value + ", chr(13))"
                        + " THEN '\"' || replace(" + value + ", '\"', '\"\"') || '\"' ELSE " + value + " END";
            }
            default -> column + "::VARCHAR";
        };
        return "coalesce(" + text + ", '')";
    }

    private static String isoInstant(String column, boolean wholeSeconds) {
        return wholeSeconds ? "strftime(" + column + ", '%Y-%m-%dT%H:%M:%SZ')" : isoInstant(column);
    }

    private static String isoInstant(String column) {
        return "rtrim(rtrim(strftime(" + column + ", '%Y-%m-%dT%H:%M:%S.%f'), '0'), '.') || 'Z'";
    }

    private static String column(SystemColumn column) {
        return RecordSqlBuilder.quoted(column.columnName());
    }

    // Names come from the validated schema; quotes are doubled all the same.
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
