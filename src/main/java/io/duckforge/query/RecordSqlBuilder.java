package io.duckforge.query;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.SystemColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the SQL of record reads and writes. Every identifier passes through {@link #quoted(String)} and comes
 * from the schema; every value is a bound parameter appended in step with its placeholder.
 */
public final class RecordSqlBuilder {

    private RecordSqlBuilder() {
    }

    public static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** System columns first, then the requested properties (all when {@code fields} is empty), in schema order. */
    public static List<String> selectedColumns(DatasetSchema schema, List<String> fields) {
        Stream<String> properties = schema.selectedProperties(fields).stream().map(PropertyDefinition::name);
        return Stream.concat(Arrays.stream(SystemColumn.values()).map(SystemColumn::columnName), properties).toList();
    }

    /**
     * Every matching row for a stream. Without a sort there is no ORDER BY: a total order would make DuckDB sort the
     * whole result before the first row leaves, and an export does not need one. A resumed stream is in page order, as
     * it continues after a record of that order.
     */
    public static SqlQuery selectExport(DatasetSchema schema, ExportQuery query) {
        return selectExport(schema, query, columnList(selectedColumns(schema, query.fields())));
    }

    /** As {@link #selectExport}, with one BLOB column: each record rendered as a line of {@code format}, terminated. */
    public static SqlQuery selectExportLines(DatasetSchema schema, ExportQuery query, TextFormat format) {
        return selectExport(schema, query, RecordLineSql.line(format, schema, query.fields()) + " AS line");
    }

    private static SqlQuery selectExport(DatasetSchema schema, ExportQuery query, String selectList) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(selectList)
                .append(" FROM ").append(quoted(schema.name()));
        appendWhere(sql, query.filters(), parameters);
        if (query.after() != null) {
            sql.append(query.filters().isEmpty() ? " WHERE " : " AND ");
            KeysetSql.appendAfter(sql, orderKeys(query.sort()), query.after(), parameters);
        }
        if (query.ordered()) {
            appendOrderBy(sql, query.sort());
        }
        if (query.limit().isPresent()) {
            sql.append(" LIMIT ?");
            parameters.add(query.limit().getAsLong());
        }
        return new SqlQuery(sql.toString(), parameters);
    }

    public static String selectById(DatasetSchema schema) {
        return "SELECT " + columnList(selectedColumns(schema, List.of())) + " FROM " + quoted(schema.name())
                + " WHERE " + quoted(SystemColumn.ID.columnName()) + " = ?";
    }

    /**
     * Replaces every property, stamps {@code updated_at} and bumps {@code version} of the record with the id (and,
     * when {@code conditional}, the version), returning the whole new row. Parameters: the properties in schema
     * order, {@code updated_at}, the id, then the expected version.
     */
    public static String update(DatasetSchema schema, boolean conditional) {
        String assignments = schema.properties().stream().map(property -> quoted(property.name()) + " = ?")
                .collect(Collectors.joining(", "));
        return "UPDATE " + quoted(schema.name()) + " SET " + (assignments.isEmpty() ? "" : assignments + ", ")
                + quoted(SystemColumn.UPDATED_AT.columnName()) + " = ?, "
                + quoted(SystemColumn.VERSION.columnName()) + " = " + quoted(SystemColumn.VERSION.columnName()) + " + 1"
                + byId(conditional)
                + " RETURNING " + columnList(selectedColumns(schema, List.of()));
    }

    /** Parameters: the id, then (when {@code conditional}) the expected version. */
    public static String deleteById(DatasetSchema schema, boolean conditional) {
        return "DELETE FROM " + quoted(schema.name()) + byId(conditional);
    }

    public static SqlQuery deleteWhere(DatasetSchema schema, List<Filter> filters) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(quoted(schema.name()));
        appendWhere(sql, filters, parameters);
        return new SqlQuery(sql.toString(), parameters);
    }

    public static String versionById(DatasetSchema schema) {
        return "SELECT " + quoted(SystemColumn.VERSION.columnName()) + " FROM " + quoted(schema.name()) + byId(false);
    }

    private static String byId(boolean conditional) {
        return " WHERE " + quoted(SystemColumn.ID.columnName()) + " = ?"
                + (conditional ? " AND " + quoted(SystemColumn.VERSION.columnName()) + " = ?" : "");
    }

    /** All columns in {@link #selectedColumns} order, so one parameter list fits both the insert and the appender. */
    public static String insert(DatasetSchema schema) {
        List<String> columns = selectedColumns(schema, List.of());
        String placeholders = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + quoted(schema.name()) + " (" + columnList(columns) + ") VALUES (" + placeholders + ")";
    }

    /** The names, quoted and comma-separated: a select list or a column list. */
    static String columnList(Collection<String> columns) {
        return columns.stream().map(RecordSqlBuilder::quoted).collect(Collectors.joining(", "));
    }

    /** {@code WHERE} and the filters, ANDed, their values appended to {@code parameters}; nothing without filters. */
    public static void appendWhere(StringBuilder sql, List<Filter> filters, List<Object> parameters) {
        if (filters.isEmpty()) {
            return;
        }
        sql.append(" WHERE ");
        for (int i = 0; i < filters.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            appendPredicate(sql, filters.get(i), parameters);
        }
    }

    private static void appendPredicate(StringBuilder sql, Filter filter, List<Object> parameters) {
        String column = quoted(filter.field());
        switch (filter.operator()) {
            case IS_NULL -> sql.append(column).append(" IS NULL");
            case IS_NOT_NULL -> sql.append(column).append(" IS NOT NULL");
            case IN -> {
                sql.append(column).append(" IN (")
                        .append(filter.values().stream().map(value -> "?").collect(Collectors.joining(", ")))
                        .append(')');
                parameters.addAll(filter.values());
            }
            // A backslash escapes % and _ (and itself), as in PostgreSQL, so a literal % can be matched.
            case LIKE, ILIKE -> {
                sql.append(column).append(' ').append(comparison(filter.operator())).append(" ? ESCAPE '\\'");
                parameters.add(filter.values().get(0));
            }
            default -> {
                sql.append(column).append(' ').append(comparison(filter.operator())).append(" ?");
                parameters.add(filter.values().get(0));
            }
        }
    }

    private static String comparison(FilterOperator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            case LIKE -> "LIKE";
            case ILIKE -> "ILIKE";
            default -> throw new IllegalArgumentException(operator + " is not a comparison");
        };
    }

    /**
     * The keys a page is ordered by: the sort, else creation order, and the id last. Without a total order, OFFSET
     * paging could repeat or skip rows, and a keyset cursor would be ambiguous; the id breaks every tie.
     */
    public static List<SortField> orderKeys(List<SortField> sort) {
        List<SortField> keys = new ArrayList<>(sort);
        if (keys.isEmpty()) {
            keys.add(new SortField(SystemColumn.CREATED_AT.columnName(), false));
        }
        if (keys.stream().noneMatch(key -> key.field().equals(SystemColumn.ID.columnName()))) {
            keys.add(new SortField(SystemColumn.ID.columnName(), false));
        }
        return keys;
    }

    // Nulls last in both directions, stated rather than left to DuckDB's default: keyset cursors rely on it.
    static void appendOrderBy(StringBuilder sql, List<SortField> sort) {
        sql.append(" ORDER BY ").append(orderKeys(sort).stream()
                .map(key -> quoted(key.field()) + (key.descending() ? " DESC" : " ASC") + " NULLS LAST")
                .collect(Collectors.joining(", ")));
    }
}
