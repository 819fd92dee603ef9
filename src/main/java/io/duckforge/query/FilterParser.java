package io.duckforge.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.PropertyValueConverter;
import io.duckforge.schema.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the {@code filters} parameter, a JSON array of {@code {"field", "operator", "value"}}, against a
 * schema: fields must be columns of the dataset, values are converted to the column's type.
 */
public final class FilterParser {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> KEYS = Set.of("field", "operator", "value");
    private static final int MAX_FILTERS = 64;
    private static final int MAX_IN_VALUES = 10_000;

    private FilterParser() {
    }

    /** @param json the raw parameter; null or blank means no filter */
    public static List<Filter> parse(String json, DatasetSchema schema) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return parseTree(readJson(json, "filters"), schema);
    }

    /** @param root the filters as JSON, from a query body; null means no filter */
    public static List<Filter> parseTree(JsonNode root, DatasetSchema schema) {
        return parseTree(root, schema, "filters");
    }

    /** @param parameter the name errors give the filters by, e.g. {@code having} for filters over aggregates */
    public static List<Filter> parseTree(JsonNode root, DatasetSchema schema, String parameter) {
        if (root == null || root.isNull()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new ValidationException(FieldError.of(parameter, "expected a JSON array of {\"field\", \"operator\", \"value\"}"));
        }
        if (root.size() > MAX_FILTERS) {
            throw new ValidationException(FieldError.of(parameter, "at most " + MAX_FILTERS + " filters"));
        }
        List<Filter> filters = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                filters.add(parseOne(root.get(i), schema, parameter + "[" + i + "]"));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The " + parameter + " are invalid", errors);
        }
        return filters;
    }

    static JsonNode readJson(String json, String parameter) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException(FieldError.of(parameter, "not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static Filter parseOne(JsonNode node, DatasetSchema schema, String path) {
        if (!node.isObject()) {
            throw new ValidationException(FieldError.of(path, "expected an object {\"field\", \"operator\", \"value\"}"));
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new ValidationException(FieldError.of(path + "." + key, "unknown key; allowed: field, operator, value"));
            }
        });
        String field = node.path("field").isTextual() ? node.get("field").textValue() : null;
        if (field == null) {
            throw new ValidationException(FieldError.of(path + ".field", "a field name is required"));
        }
        PropertyType type = ColumnTypes.typeOf(schema, field).orElseThrow(() -> new ValidationException(
                FieldError.of(path + ".field", "unknown field '" + field + "' in dataset '" + schema.name() + "'")));
        String operatorName = node.path("operator").isTextual() ? node.get("operator").textValue() : null;
        FilterOperator operator = operatorName == null ? null : FilterOperator.fromWireName(operatorName).orElse(null);
        if (operator == null) {
            throw new ValidationException(FieldError.of(path + ".operator",
                    "unknown operator '" + operatorName + "'; one of " + FilterOperator.wireNames()));
        }
        JsonNode value = node.get("value");
        if (!operator.takesValue()) {
            if (value != null && !value.isNull()) {
                throw new ValidationException(FieldError.of(path + ".value", operator.wireName() + " takes no value"));
            }
            return new Filter(field, operator, List.of());
        }
        if (value == null || value.isNull()) {
            throw new ValidationException(FieldError.of(path + ".value",
                    "a value is required; use is_null or is_not_null to test for null"));
        }
        return new Filter(field, operator, values(operator, type, value, path + ".value"));
    }

    private static List<Object> values(FilterOperator operator, PropertyType type, JsonNode value, String path) {
        if (type == PropertyType.JSON) {
            throw new ValidationException(FieldError.of(path, "json fields support only is_null and is_not_null"));
        }
        switch (operator) {
            case IN -> {
                if (!value.isArray() || value.isEmpty() || value.size() > MAX_IN_VALUES) {
                    throw new ValidationException(FieldError.of(path, "in takes a non-empty array of at most " + MAX_IN_VALUES + " values"));
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    values.add(convert(type, value.get(i), path + "[" + i + "]"));
                }
                return values;
            }
            case LIKE, ILIKE -> {
                if (type != PropertyType.STRING) {
                    throw new ValidationException(FieldError.of(path, operator.wireName() + " applies to string fields only"));
                }
                String pattern = (String) convert(type, value, path);
                if (endsWithLoneEscape(pattern)) {
                    throw new ValidationException(FieldError.of(path,
                            "a pattern cannot end with an unpaired \\ (it escapes the next %, _ or \\)"));
                }
                return List.of(pattern);
            }
            default -> {
                return List.of(convert(type, value, path));
            }
        }
    }

    private static boolean endsWithLoneEscape(String pattern) {
        int trailing = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            trailing++;
        }
        return trailing % 2 == 1;
    }

    private static Object convert(PropertyType type, JsonNode value, String path) {
        try {
            Object converted = PropertyValueConverter.convert(type, value);
            if (converted == null) {
                throw new IllegalArgumentException("null is not a comparable value");
            }
            return converted;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of(path, e.getMessage() + " for a " + type.wireName() + " field"));
        }
    }
}
