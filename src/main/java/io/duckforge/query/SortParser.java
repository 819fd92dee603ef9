package io.duckforge.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses the {@code sort} parameter, a JSON array of {@code {"field", "order": "asc"|"desc"}}. */
public final class SortParser {

    private static final Set<String> KEYS = Set.of("field", "order");

    private SortParser() {
    }

    public static List<SortField> parse(String json, DatasetSchema schema) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return parseTree(FilterParser.readJson(json, "sort"), schema);
    }

    /** @param root the sort as JSON, from a query body; null means the default order */
    public static List<SortField> parseTree(JsonNode root, DatasetSchema schema) {
        if (root == null || root.isNull()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new ValidationException(FieldError.of("sort", "expected a JSON array of {\"field\", \"order\"}"));
        }
        List<SortField> sort = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            SortField field = parseOne(root.get(i), schema, "sort[" + i + "]");
            if (!seen.add(field.field())) {
                throw new ValidationException(FieldError.of("sort[" + i + "].field", "'" + field.field() + "' is sorted on twice"));
            }
            sort.add(field);
        }
        return sort;
    }

    private static SortField parseOne(JsonNode node, DatasetSchema schema, String path) {
        if (!node.isObject()) {
            throw new ValidationException(FieldError.of(path, "expected an object {\"field\", \"order\"}"));
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new ValidationException(FieldError.of(path + "." + key, "unknown key; allowed: field, order"));
            }
        });
        String field = node.path("field").isTextual() ? node.get("field").textValue() : null;
        if (field == null) {
            throw new ValidationException(FieldError.of(path + ".field", "a field name is required"));
        }
        PropertyType type = ColumnTypes.typeOf(schema, field).orElseThrow(() -> new ValidationException(
                FieldError.of(path + ".field", "unknown field '" + field + "' in dataset '" + schema.name() + "'")));
        if (type == PropertyType.JSON) {
            throw new ValidationException(FieldError.of(path + ".field", "json fields cannot be sorted on"));
        }
        JsonNode order = node.get("order");
        if (order == null || order.isNull()) {
            return new SortField(field, false);
        }
        if (order.isTextual() && order.textValue().equals("asc")) {
            return new SortField(field, false);
        }
        if (order.isTextual() && order.textValue().equals("desc")) {
            return new SortField(field, true);
        }
        throw new ValidationException(FieldError.of(path + ".order", "expected \"asc\" or \"desc\""));
    }
}
