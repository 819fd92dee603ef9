package io.duckforge.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.query.ColumnTypes;
import io.duckforge.query.Filter;
import io.duckforge.query.FilterParser;
import io.duckforge.query.SortField;
import io.duckforge.query.SortParser;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.SystemColumn;
import io.duckforge.schema.ValidationException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an aggregate request, from query parameters (each JSON text, as {@code filters} for pages) or from a body
 * with the same fields, into an {@link AggregateQuery}; every mistake is reported at once, naming its entry
 * ({@code metrics[1].field}).
 */
public final class AggregateQueryParser {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
    static final int MAX_GROUP_KEYS = 16;
    static final int MAX_METRICS = 64;
    /** Metric names become column names in answers and streams: the shape of a property name, quoted in SQL. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> BODY_KEYS = Set.of("group_by", "metrics", "filters", "having", "sort", "limit", "tz", "format");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId UTC = ZoneId.of("UTC");

    private AggregateQueryParser() {
    }

    /** @param stream whether the groups are streamed, which has no limit unless one is given */
    public static AggregateQuery parseParameters(DatasetSchema schema, String groupBy, String metrics, String filters,
                                                 String having, String sort, String limit, String tz, boolean stream) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode limitNode = null;
        if (limit != null && !limit.isBlank()) {
            try {
                limitNode = JSON.getNodeFactory().numberNode(Integer.parseInt(limit.trim()));
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("limit", "expected a whole number"));
            }
        }
        JsonNode tzNode = tz == null || tz.isBlank() ? null : JSON.getNodeFactory().textNode(tz.trim());
        return parse(schema, json(groupBy, "group_by", errors), json(metrics, "metrics", errors), json(filters, "filters", errors),
                json(having, "having", errors), json(sort, "sort", errors), limitNode, tzNode, stream, errors);
    }

    public static AggregateQuery parseBody(DatasetSchema schema, JsonNode body, boolean stream) {
        if (body == null || !body.isObject()) {
            throw new ValidationException(FieldError.of("", "expected a JSON object with group_by, metrics, filters, having, sort, limit, tz"));
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(key -> {
            if (!BODY_KEYS.contains(key)) {
                errors.add(FieldError.of(key, "unknown key; allowed: " + String.join(", ", new java.util.TreeSet<>(BODY_KEYS))));
            }
        });
        return parse(schema, body.get("group_by"), body.get("metrics"), body.get("filters"), body.get("having"),
                body.get("sort"), body.get("limit"), body.get("tz"), stream, errors);
    }

    private static AggregateQuery parse(DatasetSchema schema, JsonNode groupByNode, JsonNode metricsNode, JsonNode filtersNode,
                                        JsonNode havingNode, JsonNode sortNode, JsonNode limitNode, JsonNode tzNode,
                                        boolean stream, List<FieldError> errors) {
        List<GroupKey> groupBy = groupBy(schema, groupByNode, errors);
        Map<Integer, Metric> metricEntries = metrics(schema, metricsNode, errors);
        List<Metric> metrics = List.copyOf(metricEntries.values());
        Set<String> names = new HashSet<>();
        groupBy.forEach(key -> names.add(key.name()));
        metricEntries.forEach((entry, metric) -> {
            if (!names.add(metric.name())) {
                errors.add(FieldError.of("metrics[" + entry + "].as", "the name '" + metric.name()
                        + "' is taken by a group key or another metric; give this metric another 'as'"));
            }
        });
        List<Filter> filters = collect(errors, () -> FilterParser.parseTree(filtersNode, schema));
        DatasetSchema figures = columnsAsSchema(schema, List.of(), metrics);
        List<Filter> having = collect(errors, () -> FilterParser.parseTree(havingNode, figures, "having"));
        DatasetSchema groups = columnsAsSchema(schema, groupBy, metrics);
        List<SortField> sort = collect(errors, () -> SortParser.parseTree(sortNode, groups));
        for (int i = 0; i < sort.size(); i++) {
            if (!names.contains(sort.get(i).field())) {
                errors.add(FieldError.of("sort[" + i + "].field", "'" + sort.get(i).field() + "' is not a group key or metric"));
            }
        }
        Set<String> metricNames = new HashSet<>(metrics.stream().map(Metric::name).toList());
        for (int i = 0; i < having.size(); i++) {
            if (!metricNames.contains(having.get(i).field())) {
                errors.add(FieldError.of("having[" + i + "].field", "'" + having.get(i).field() + "' is not a metric"));
            }
        }
        Integer limit = limit(limitNode, stream, errors);
        ZoneId zone = zone(tzNode, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("The aggregate request is invalid", errors);
        }
        return new AggregateQuery(groupBy, metrics, filters, having, sort, limit, zone);
    }

    private static List<GroupKey> groupBy(DatasetSchema schema, JsonNode node, List<FieldError> errors) {
        List<GroupKey> keys = new ArrayList<>();
        if (node == null || node.isNull()) {
            return keys;
        }
        if (!node.isArray() || node.size() > MAX_GROUP_KEYS) {
            errors.add(FieldError.of("group_by", "expected a JSON array of at most " + MAX_GROUP_KEYS
                    + " property names or {\"field\", \"bucket\"}"));
            return keys;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "group_by[" + i + "]";
            JsonNode entry = node.get(i);
            String field = entry.isTextual() ? entry.textValue() : entry.path("field").isTextual() ? entry.get("field").textValue() : null;
            if (field == null) {
                errors.add(FieldError.of(path, "expected a property name or {\"field\": \"...\", \"bucket\": \"month\"}"));
                continue;
            }
            Optional<PropertyType> type = ColumnTypes.typeOf(schema, field);
            if (type.isEmpty()) {
                errors.add(FieldError.of(path, "unknown property '" + field + "' in dataset '" + schema.name() + "'"));
                continue;
            }
            if (type.get() == PropertyType.JSON) {
                errors.add(FieldError.of(path, "json properties cannot be grouped by"));
                continue;
            }
            TimeBucket bucket = entry.isObject() ? bucket(entry, type.get(), path, errors) : null;
            GroupKey key = new GroupKey(field, type.get(), bucket);
            if (!seen.add(key.name())) {
                errors.add(FieldError.of(path, "'" + key.name() + "' is grouped by twice"));
            }
            keys.add(key);
        }
        return keys;
    }

    private static TimeBucket bucket(JsonNode entry, PropertyType type, String path, List<FieldError> errors) {
        entry.fieldNames().forEachRemaining(key -> {
            if (!key.equals("field") && !key.equals("bucket")) {
                errors.add(FieldError.of(path + "." + key, "unknown key; allowed: field, bucket"));
            }
        });
        JsonNode name = entry.get("bucket");
        if (name == null || name.isNull()) {
            return null;
        }
        Optional<TimeBucket> bucket = name.isTextual() ? TimeBucket.fromWireName(name.textValue()) : Optional.empty();
        if (bucket.isEmpty()) {
            errors.add(FieldError.of(path + ".bucket", "one of year, quarter, month, week, day, hour"));
            return null;
        }
        if (type != PropertyType.DATE && type != PropertyType.DATETIME) {
            errors.add(FieldError.of(path + ".bucket", "buckets need a date or datetime property, not " + type.wireName()));
            return null;
        }
        if (type == PropertyType.DATE && bucket.get() == TimeBucket.HOUR) {
            errors.add(FieldError.of(path + ".bucket", "a date has no hours"));
            return null;
        }
        return bucket.get();
    }

    /** The valid metrics by their entry's position, which errors name. */
    private static Map<Integer, Metric> metrics(DatasetSchema schema, JsonNode node, List<FieldError> errors) {
        Map<Integer, Metric> metrics = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            metrics.put(0, new Metric(MetricFunction.COUNT, null, null, null, "count"));
            return metrics;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_METRICS) {
            errors.add(FieldError.of("metrics", "expected a JSON array of 1 to " + MAX_METRICS + " {\"fn\", \"field\", \"as\"}"));
            return metrics;
        }
        for (int i = 0; i < node.size(); i++) {
            int entry = i;
            MetricReader.read(schema, node.get(i), "metrics[" + i + "]", errors).ifPresent(metric -> metrics.put(entry, metric));
        }
        return metrics;
    }

    private static Integer limit(JsonNode node, boolean stream, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return stream ? null : DEFAULT_LIMIT;
        }
        int max = stream ? Integer.MAX_VALUE : MAX_LIMIT;
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1 || node.intValue() > max) {
            errors.add(FieldError.of("limit", "expected a whole number from 1 to " + max));
            return null;
        }
        return node.intValue();
    }

    private static ZoneId zone(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return UTC;
        }
        // Names from the tz database only: DuckDB knows those, where Java would also take offsets and prefixes.
        if (node.isTextual() && ZoneId.getAvailableZoneIds().contains(node.textValue())) {
            return ZoneId.of(node.textValue());
        }
        errors.add(FieldError.of("tz", "expected an IANA time zone such as Europe/Paris or UTC"));
        return null;
    }

    static boolean isName(String name) {
        return NAME.matcher(name).matches() && SystemColumn.fromColumnName(name).isEmpty();
    }

    /** Group keys and metrics as the properties of a schema, so that filters and sorts over them read as usual. */
    private static DatasetSchema columnsAsSchema(DatasetSchema schema, List<GroupKey> keys, List<Metric> metrics) {
        List<PropertyDefinition> columns = new AggregateQuery(keys, metrics, List.of(), List.of(), List.of(), null,
                UTC).resultColumns();
        return new DatasetSchema(schema.name(), null, schema.version(), columns);
    }

    private static JsonNode json(String text, String parameter, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(FieldError.of(parameter, "not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

    private static <T> List<T> collect(List<FieldError> errors, java.util.function.Supplier<List<T>> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return List.of();
        }
    }
}
