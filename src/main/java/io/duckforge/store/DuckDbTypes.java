package io.duckforge.store;

import io.duckforge.schema.PropertyType;

/** The one place that maps the domain's property types to DuckDB column types. */
final class DuckDbTypes {

    private DuckDbTypes() {
    }

    static String columnType(PropertyType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            // Instants with an offset; the connection's TimeZone is pinned to UTC so they read back in UTC.
            case DATETIME -> "TIMESTAMPTZ";
            case UUID -> "UUID";
            // JSON is DuckDB's json extension type (built into the JDBC driver): VARCHAR that must parse.
            case JSON -> "JSON";
        };
    }
}
