package io.duckforge.store;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyValueConverter;
import io.duckforge.schema.SystemColumn;
import io.duckforge.schema.ValidationException;
import io.quarkus.logging.Log;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.duckforge.query.RecordSqlBuilder.quoted;

/**
 * Loads rows that DuckDB reads itself (a Parquet file through {@code read_parquet}, or an Arrow stream) into a dataset, inside the caller's transaction. Columns must be
 * properties or system columns; every value is checked against its property's type and the required flags before
 * anything is inserted, and the first offending row is named. System columns are kept when valid (so an export
 * reloads with its identity) and filled in otherwise: a missing or invalid {@code id} gets a new one,
 * {@code created_at} defaults to now, {@code updated_at} to {@code created_at}, {@code version} to 1.
 */
final class ColumnarIngest {

    private final Connection connection;
    private final DatasetSchema schema;
    private final String source;
    private final String format;

    private ColumnarIngest(Connection connection, DatasetSchema schema, String source, String format) {
        this.connection = connection;
        this.schema = schema;
        this.source = source;
        this.format = format;
    }

    /** The file is the service's own temporary file, never a client's path, so it can be a literal. */
    static ColumnarIngest parquet(Connection connection, DatasetSchema schema, Path file) {
        return new ColumnarIngest(connection, schema,
                "read_parquet(" + DuckDbValues.literal(file) + ")", "Parquet");
    }

    /** @param relation a table or view of the service's own naming (an Arrow body's, staged or as it streams) */
    static ColumnarIngest relation(Connection connection, DatasetSchema schema, String relation, String format) {
        return new ColumnarIngest(connection, schema, quoted(relation), format);
    }

    /** Checks every value first, naming the first offending row per field, then inserts. */
    long load(long maxRows) throws SQLException {
        Map<String, String> columns = columns();
        requireAcceptedTypes(columns);
        List<FieldError> errors = new ArrayList<>();
        try {
            long rows = scalar("SELECT count(*) FROM " + source);
            if (rows > maxRows) {
                throw new RowLimitExceededException(maxRows);
            }
            for (PropertyDefinition property : schema.properties()) {
                check(property, columns.get(property.name()), errors);
            }
        } catch (SQLException e) {
            // These statements only read the body, and every value of it: a failure is a corrupt body.
            throw unreadable(e);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The " + format + " body has invalid rows; nothing was written", errors);
        }
        return insert(columns);
    }

    /**
     * Inserts in one pass without checking first: a value that does not convert fails its CAST and a null in a
     * required column its NOT NULL constraint, so a bad body fails the statement (with no row named) and the caller's
     * transaction rolls it back. For a source that can be read only once.
     */
    long loadUnchecked(long maxRows) throws SQLException {
        Map<String, String> columns = columns();
        requireAcceptedTypes(columns);
        long rows = insert(columns);
        if (rows > maxRows) {
            throw new RowLimitExceededException(maxRows);
        }
        return rows;
    }

    /**
     * Values are checked again as they are inserted ({@code error()} on a value the rules refuse), so the unchecked
     * path can never store what the checked one refuses.
     */
    private long insert(Map<String, String> sourceTypes) throws SQLException {
        Set<String> columns = sourceTypes.keySet();
        List<Object> defaults = new ArrayList<>();
        String createdAt = columns.contains("created_at") ? "coalesce(TRY_CAST(\"created_at\" AS TIMESTAMPTZ), now())" : "now()";
        StringBuilder select = new StringBuilder("SELECT ")
                .append(systemValue(columns, SystemColumn.ID, "coalesce(TRY_CAST(\"id\" AS UUID), uuid())", "uuid()")).append(", ")
                .append(createdAt).append(", ")
                .append(systemValue(columns, SystemColumn.UPDATED_AT, "coalesce(TRY_CAST(\"updated_at\" AS TIMESTAMPTZ), " + createdAt + ")",
                        createdAt)).append(", ")
                .append(systemValue(columns, SystemColumn.VERSION, "greatest(coalesce(TRY_CAST(\"version\" AS BIGINT), 1), 1)", "1"));
        for (PropertyDefinition property : schema.properties()) {
            select.append(", ");
            if (columns.contains(property.name())) {
                String column = quoted(property.name());
                select.append("CASE WHEN ").append(ColumnValueRules.invalidValue(property.type(), sourceTypes.get(property.name()), column))
                        .append(" THEN error('refused value') ELSE CAST(").append(column).append(" AS ")
                        .append(DuckDbTypes.columnType(property.type())).append(") END");
            } else if (property.defaultValue() != null) {
                select.append("CAST(? AS ").append(DuckDbTypes.columnType(property.type())).append(')');
                defaults.add(PropertyValueConverter.convert(property.type(), property.defaultValue()));
            } else {
                select.append("NULL");
            }
        }
        select.append(" FROM ").append(source);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quoted(schema.name()) + " " + select)) {
            DuckDbValues.bind(insert, defaults);
            return insert.executeLargeUpdate();
        } catch (SQLException e) {
            // The checks may have read a column only from its statistics; a page that does not decode shows up here.
            if (String.valueOf(e.getMessage()).startsWith("Invalid Input Error")) {
                throw unreadable(e);
            }
            throw e;
        }
    }

    /** The body's columns and their DuckDB types, in the body's order. */
    private Map<String, String> columns() throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        List<FieldError> unknown = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (described.next()) {
                String name = described.getString(1);
                if (schema.property(name).isEmpty() && SystemColumn.fromColumnName(name).isEmpty()) {
                    unknown.add(FieldError.of(name, "the column '" + name + "' is not a property of dataset '" + schema.name() + "'"));
                }
                columns.put(name, described.getString(2));
            }
        } catch (SQLException e) {
            // The first statement that reads the file: a failure here is the body, not the database.
            throw unreadable(e);
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("The " + format + " body has unknown columns; nothing was written", unknown);
        }
        return columns;
    }

    private void requireAcceptedTypes(Map<String, String> columns) {
        List<FieldError> errors = new ArrayList<>();
        for (PropertyDefinition property : schema.properties()) {
            String sourceType = columns.get(property.name());
            if (sourceType != null) {
                ColumnValueRules.refusedType(property.type(), sourceType)
                        .ifPresent(reason -> errors.add(FieldError.of(property.name(), reason)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The " + format + " body has columns of the wrong type; nothing was written", errors);
        }
    }

    /** The engine's message names files and internals, so it goes to the log only. */
    private ValidationException unreadable(SQLException e) {
        Log.debugf("Unreadable %s body: %s", format, e.getMessage());
        return new ValidationException(FieldError.of("body", "not a readable " + format + " body"));
    }

    private void check(PropertyDefinition property, String sourceType, List<FieldError> errors) throws SQLException {
        String column = quoted(property.name());
        if (sourceType == null) {
            if (property.required() && property.defaultValue() == null) {
                errors.add(FieldError.of(property.name(), "is required but the body has no such column"));
            }
            return;
        }
        String type = DuckDbTypes.columnType(property.type());
        long badRow = firstRow(column + " IS NOT NULL AND (TRY_CAST(" + column + " AS " + type + ") IS NULL OR "
                + ColumnValueRules.invalidValue(property.type(), sourceType, column) + ")");
        if (badRow >= 0) {
            errors.add(new FieldError(property.name(), badRow, "is not a valid " + property.type().wireName()
                    + " (out of range, not finite, or not well-formed)"));
        }
        if (property.required()) {
            long nullRow = firstRow(column + " IS NULL");
            if (nullRow >= 0) {
                errors.add(new FieldError(property.name(), nullRow, "is required"));
            }
        }
    }

    /** The 0-based index of the first row matching the condition, or -1. */
    private long firstRow(String condition) throws SQLException {
        return scalar("SELECT coalesce(min(row_index), -1) FROM (SELECT row_number() OVER () - 1 AS row_index, * FROM "
                + source + ") WHERE " + condition);
    }

    private long scalar(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String systemValue(Set<String> columns, SystemColumn column, String whenPresent, String whenAbsent) {
        return columns.contains(column.columnName()) ? whenPresent : whenAbsent;
    }
}
