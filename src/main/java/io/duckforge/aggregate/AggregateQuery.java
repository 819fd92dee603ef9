package io.duckforge.aggregate;

import io.duckforge.query.Filter;
import io.duckforge.query.SortField;

import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups of a dataset's records and figures over each, as {@code GET /api/v1/records/{schema}/aggregate} asks for
 * them. Every name in it has been checked against the schema, the metric names against each other.
 *
 * @param filters  on records, before grouping
 * @param having   on metrics, after grouping (a filter's field is a metric name)
 * @param sort     over group keys and metric names; by the group keys when empty
 * @param limit    at most this many groups; null for all (streams)
 * @param timeZone where calendar buckets of date-times begin
 */
public record AggregateQuery(List<GroupKey> groupBy, List<Metric> metrics, List<Filter> filters, List<Filter> having,
                             List<SortField> sort, Integer limit, ZoneId timeZone) {

    public AggregateQuery {
        groupBy = List.copyOf(groupBy);
        metrics = List.copyOf(metrics);
        filters = List.copyOf(filters);
        having = List.copyOf(having);
        sort = List.copyOf(sort);
    }

    /** The names of each group's values, keys first, as they appear in answers and streams. */
    public List<String> columns() {
        return resultColumns().stream().map(PropertyDefinition::name).toList();
    }

    /** Each group's values as the properties of a record: keys first, then metrics, each with the type of its values. */
    public List<PropertyDefinition> resultColumns() {
        List<PropertyDefinition> columns = new ArrayList<>();
        groupBy.forEach(key -> columns.add(column(key.name(), key.type())));
        metrics.forEach(metric -> columns.add(column(metric.name(), MetricReader.resultType(metric))));
        return columns;
    }

    /** The same groups, at most {@code groups} of them. */
    public AggregateQuery withLimit(int groups) {
        return new AggregateQuery(groupBy, metrics, filters, having, sort, groups, timeZone);
    }

    private static PropertyDefinition column(String name, PropertyType type) {
        return new PropertyDefinition(name, type, false, false, false, null, null);
    }
}
