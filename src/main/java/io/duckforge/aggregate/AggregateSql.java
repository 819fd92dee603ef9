package io.duckforge.aggregate;

import io.duckforge.query.RecordLineSql;
import io.duckforge.query.RecordSqlBuilder;
import io.duckforge.query.SortField;
import io.duckforge.query.SqlQuery;
import io.duckforge.query.TextFormat;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.duckforge.query.RecordSqlBuilder.quoted;

/**
 * DuckDB's SQL for an {@link AggregateQuery}: the grouping inside, {@code having}, order and limit outside over the
 * named results. Column identifiers come from the schema; result names are metric names the parser held to the shape
 * of a property name, quoted; every value (filters, {@code q}, the time zone, the limit) is bound.
 */
public final class AggregateSql {

    private AggregateSql() {
    }

    /** Each group as a row of its keys and metrics, named as {@link AggregateQuery#columns()} says. */
    public static SqlQuery select(DatasetSchema schema, AggregateQuery query) {
        return select(schema, query, "*");
    }

    /** Each group as one line of {@code format}, rendered by the database, in a single BLOB column. */
    public static SqlQuery selectLines(DatasetSchema schema, AggregateQuery query, TextFormat format) {
        Set<String> bucketStarts = query.groupBy().stream().filter(key -> key.bucket() != null).map(GroupKey::name)
                .collect(Collectors.toSet());
        return select(schema, query, RecordLineSql.row(format, query.resultColumns(), bucketStarts) + " AS line");
    }

    private static SqlQuery select(DatasetSchema schema, AggregateQuery query, String outerSelectList) {
        List<Object> parameters = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder inner = new StringBuilder("SELECT ");
        List<String> selected = new ArrayList<>();
        for (GroupKey key : query.groupBy()) {
            String expression = keyExpression(key, query, parameters);
            keys.add(expression);
            selected.add(expression + " AS " + quoted(key.name()));
        }
        for (Metric metric : query.metrics()) {
            selected.add(metricExpression(metric, parameters) + " AS " + quoted(metric.name()));
        }
        inner.append(String.join(", ", selected)).append(" FROM ").append(quoted(schema.name()));
        RecordSqlBuilder.appendWhere(inner, query.filters(), parameters);
        if (!keys.isEmpty()) {
            // Positions, not the expressions again: a bucket's bound time zone would otherwise be bound twice.
            inner.append(" GROUP BY ").append(String.join(", ", IntStream.rangeClosed(1, keys.size())
                    .mapToObj(Integer::toString).toList()));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(outerSelectList).append(" FROM (").append(inner).append(") AS groups");
        RecordSqlBuilder.appendWhere(sql, query.having(), parameters);
        List<SortField> order = query.sort().isEmpty()
                ? query.groupBy().stream().map(key -> new SortField(key.name(), false)).toList()
                : query.sort();
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", order.stream()
                    .map(field -> quoted(field.field()) + (field.descending() ? " DESC" : " ASC") + " NULLS LAST").toList()));
        }
        if (query.limit() != null) {
            sql.append(" LIMIT ?");
            parameters.add(query.limit().longValue());
        }
        return new SqlQuery(sql.toString(), parameters);
    }

    private static String keyExpression(GroupKey key, AggregateQuery query, List<Object> parameters) {
        String column = quoted(key.field());
        if (key.bucket() == null) {
            return column;
        }
        String part = "'" + key.bucket().wireName() + "'";
        if (key.type() == PropertyType.DATE) {
            return "CAST(date_trunc(" + part + ", " + column + ") AS DATE)";
        }
        // Connections run in UTC, where date_trunc needs no conversion; elsewhere the period starts in local time.
        if (query.timeZone().getId().equals("UTC")) {
            return "date_trunc(" + part + ", " + column + ")";
        }
        parameters.add(query.timeZone().getId());
        parameters.add(query.timeZone().getId());
        return "timezone(?, date_trunc(" + part + ", timezone(?, " + column + ")))";
    }

    private static String metricExpression(Metric metric, List<Object> parameters) {
        String column = metric.field() == null ? null : quoted(metric.field());
        return switch (metric.function()) {
            case COUNT -> column == null ? "count(*)" : "count(" + column + ")";
            case COUNT_DISTINCT -> "count(DISTINCT " + column + ")";
            case SUM -> "sum(" + column + ")";
            case AVG -> "avg(" + column + ")";
            case MIN -> "min(" + column + ")";
            case MAX -> "max(" + column + ")";
            // Continuous, interpolating between values, as PostgreSQL's percentile_cont.
            case MEDIAN -> "quantile_cont(" + column + ", 0.5)";
            case QUANTILE -> {
                parameters.add(metric.quantile());
                yield "quantile_cont(" + column + ", ?)";
            }
            case STDDEV -> "stddev_samp(" + column + ")";
        };
    }
}
