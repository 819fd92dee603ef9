package io.duckforge.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;

/** Turns the list endpoint's raw query parameters into a validated {@link RecordQuery}. */
public final class RecordQueryParser {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 1000;
    private static final List<String> BODY_KEYS = List.of("filters", "sort", "fields", "page", "size", "count", "cursor");

    private RecordQueryParser() {
    }

    /** @param count {@code true}, {@code false} or null (counted) */
    public static RecordQuery parse(DatasetSchema schema, String filters, String sort, String fields, Integer page, Integer size,
                                    String count) {
        return new RecordQuery(
                FilterParser.parse(filters, schema),
                SortParser.parse(sort, schema),
                parseFields(fields, schema),
                pageNumber(page),
                pageSize(size),
                counted(count == null || count.isBlank() ? null : count.trim()));
    }

    /**
     * The body of {@code POST /records/{schema}/query}: the list endpoint's parameters as one JSON object, so that
     * long filters (an {@code in} of thousands of values) need not fit in a URL.
     */
    public static RecordQuery parseBody(DatasetSchema schema, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException(FieldError.of("body", "expected an object {filters, sort, fields, page, size, count, cursor}"));
        }
        body.fieldNames().forEachRemaining(key -> {
            if (!BODY_KEYS.contains(key)) {
                throw new ValidationException(FieldError.of(key, "unknown key; allowed: " + String.join(", ", BODY_KEYS)));
            }
        });
        return new RecordQuery(
                FilterParser.parseTree(body.get("filters"), schema),
                SortParser.parseTree(body.get("sort"), schema),
                parseFields(fieldList(body.get("fields")), schema),
                pageNumber(wholeNumber(body, "page")),
                pageSize(wholeNumber(body, "size")),
                counted(body.get("count")));
    }

    private static boolean counted(String count) {
        if (count == null || count.equals("true")) {
            return true;
        }
        if (count.equals("false")) {
            return false;
        }
        throw new ValidationException(FieldError.of("count", "expected true or false"));
    }

    private static boolean counted(JsonNode count) {
        if (count == null || count.isNull()) {
            return true;
        }
        if (!count.isBoolean()) {
            throw new ValidationException(FieldError.of("count", "expected true or false"));
        }
        return count.booleanValue();
    }

    private static int pageNumber(Integer page) {
        if (page != null && page < 1) {
            throw new ValidationException(FieldError.of("page", "page starts at 1"));
        }
        return page == null ? 1 : page;
    }

    private static int pageSize(Integer size) {
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw new ValidationException(FieldError.of("size", "size must be between 1 and " + MAX_SIZE));
        }
        return size == null ? DEFAULT_SIZE : size;
    }

    private static Integer wholeNumber(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ValidationException(FieldError.of(key, "expected a whole number"));
        }
        return value.intValue();
    }

    /** {@code fields} in a body: an array of property names, or the same comma-separated text as the parameter. */
    private static String fieldList(JsonNode fields) {
        if (fields == null || fields.isNull()) {
            return null;
        }
        if (fields.isTextual()) {
            return fields.textValue();
        }
        List<String> names = new ArrayList<>();
        if (fields.isArray()) {
            fields.forEach(name -> names.add(name.isTextual() && !name.textValue().contains(",") ? name.textValue() : null));
        }
        if (!fields.isArray() || names.contains(null)) {
            throw new ValidationException(FieldError.of("fields", "expected an array of property names"));
        }
        return String.join(",", names);
    }

    /** The stream endpoint's parameters; {@code limit}, when given, is at least 1 and has no upper bound. */
    public static ExportQuery parseExport(DatasetSchema schema, String filters, String sort, String fields, String limit) {
        OptionalLong rows = OptionalLong.empty();
        if (limit != null && !limit.isBlank()) {
            try {
                rows = OptionalLong.of(Long.parseLong(limit.trim()));
            } catch (NumberFormatException e) {
                throw new ValidationException(FieldError.of("limit", "'" + limit + "' is not a whole number"));
            }
            if (rows.getAsLong() < 1) {
                throw new ValidationException(FieldError.of("limit", "limit starts at 1"));
            }
        }
        return new ExportQuery(FilterParser.parse(filters, schema), SortParser.parse(sort, schema),
                parseFields(fields, schema), rows);
    }

    /** {@code fields} is a comma-separated list of property names; system columns are always returned. */
    public static List<String> parseFields(String fields, DatasetSchema schema) {
        if (fields == null || fields.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(new LinkedHashSet<>(
                Arrays.stream(fields.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList()));
        for (String name : names) {
            if (schema.property(name).isEmpty()) {
                throw new ValidationException(FieldError.of("fields",
                        "unknown property '" + name + "' in dataset '" + schema.name() + "'"));
            }
        }
        return names;
    }
}
