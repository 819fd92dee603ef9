package io.duckforge.query;

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

    private RecordQueryParser() {
    }

    public static RecordQuery parse(DatasetSchema schema, String filters, String sort, String fields, Integer page, Integer size) {
        int pageNumber = page == null ? 1 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 1) {
            throw new ValidationException(FieldError.of("page", "page starts at 1"));
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new ValidationException(FieldError.of("size", "size must be between 1 and " + MAX_SIZE));
        }
        return new RecordQuery(
                FilterParser.parse(filters, schema),
                SortParser.parse(sort, schema),
                parseFields(fields, schema),
                pageNumber,
                pageSize);
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
