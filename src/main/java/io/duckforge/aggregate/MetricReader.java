package io.duckforge.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.query.ColumnTypes;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyType;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One entry of {@code metrics}: {@code {"fn": "quantile", "field": "gas", "q": 0.95, "as": "p95_gas"}}. */
final class MetricReader {

    private static final Set<String> KEYS = Set.of("fn", "field", "q", "as");

    private MetricReader() {
    }

    static Optional<Metric> read(DatasetSchema schema, JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(FieldError.of(path, "expected an object {\"fn\", \"field\", \"as\"}"));
            return Optional.empty();
        }
        int before = errors.size();
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                errors.add(FieldError.of(path + "." + key, "unknown key; allowed: fn, field, q, as"));
            }
        });
        String fnName = node.path("fn").isTextual() ? node.get("fn").textValue() : null;
        Optional<MetricFunction> fn = fnName == null ? Optional.empty() : MetricFunction.fromWireName(fnName);
        if (fn.isEmpty()) {
            errors.add(FieldError.of(path + ".fn", "one of count, count_distinct, sum, avg, min, max, median, quantile, stddev"));
            return Optional.empty();
        }
        String field = node.path("field").isTextual() ? node.get("field").textValue() : null;
        PropertyType type = field == null ? null : fieldType(schema, fn.get(), field, path, errors);
        if (field == null && fn.get().takesField()) {
            errors.add(FieldError.of(path + ".field", fn.get().wireName() + " needs a field"));
        }
        Double q = quantile(node.get("q"), fn.get(), path, errors);
        String name = name(node.get("as"), fn.get(), field, path, errors);
        return errors.size() == before ? Optional.of(new Metric(fn.get(), field, type, q, name)) : Optional.empty();
    }

    /** What a metric's values are, for filters over it ({@code having}). */
    static PropertyType resultType(Metric metric) {
        return switch (metric.function()) {
            case COUNT, COUNT_DISTINCT -> PropertyType.INTEGER;
            case MIN, MAX -> metric.type();
            case SUM -> metric.type() == PropertyType.INTEGER ? PropertyType.INTEGER : PropertyType.NUMBER;
            case AVG, MEDIAN, QUANTILE, STDDEV -> PropertyType.NUMBER;
        };
    }

    private static PropertyType fieldType(DatasetSchema schema, MetricFunction fn, String field, String path, List<FieldError> errors) {
        Optional<PropertyType> type = ColumnTypes.typeOf(schema, field);
        if (type.isEmpty()) {
            errors.add(FieldError.of(path + ".field", "unknown property '" + field + "' in dataset '" + schema.name() + "'"));
            return null;
        }
        if (fn != MetricFunction.COUNT && !fn.accepts(type.get())) {
            errors.add(FieldError.of(path + ".field", fn.wireName() + " has no meaning for a " + type.get().wireName()
                    + " property; it takes " + fn.types().stream().map(PropertyType::wireName).collect(Collectors.joining(", "))));
            return null;
        }
        return type.get();
    }

    private static Double quantile(JsonNode q, MetricFunction fn, String path, List<FieldError> errors) {
        if (fn != MetricFunction.QUANTILE) {
            if (q != null && !q.isNull()) {
                errors.add(FieldError.of(path + ".q", "only quantile takes q"));
            }
            return null;
        }
        if (q == null || !q.isNumber() || q.doubleValue() < 0 || q.doubleValue() > 1) {
            errors.add(FieldError.of(path + ".q", "quantile needs q, a number from 0 to 1"));
            return null;
        }
        return q.doubleValue();
    }

    private static String name(JsonNode as, MetricFunction fn, String field, String path, List<FieldError> errors) {
        if (as == null || as.isNull()) {
            return field == null ? fn.wireName() : fn.wireName() + "_" + field;
        }
        if (!as.isTextual() || !AggregateQueryParser.isName(as.textValue())) {
            errors.add(FieldError.of(path + ".as", "a name of lower-case letters, digits and _ (at most 63), not a system column"));
            return null;
        }
        return as.textValue();
    }
}
