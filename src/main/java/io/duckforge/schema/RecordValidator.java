package io.duckforge.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a record's JSON data into typed values in property order: unknown properties are refused, missing
 * ones take their default, required ones must be present and non-null.
 */
public final class RecordValidator {

    private RecordValidator() {
    }

    /** @throws ValidationException naming every offending field */
    public static Map<String, Object> validate(DatasetSchema schema, JsonNode data) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = validate(schema, data, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("The record does not match the dataset '" + schema.name() + "'", errors);
        }
        return values;
    }

    /** Collects problems into {@code errors} instead of throwing, so a bulk body can report several rows. */
    public static Map<String, Object> validate(DatasetSchema schema, JsonNode data, List<FieldError> errors) {
        if (data == null || !data.isObject()) {
            errors.add(FieldError.of("data", "a record must be a JSON object"));
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int present = 0;
        for (PropertyDefinition property : schema.properties()) {
            JsonNode node = data.get(property.name());
            if (node != null) {
                present++;
            } else {
                node = property.defaultValue();
            }
            Object value;
            try {
                value = PropertyValueConverter.convert(property.type(), node);
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(property.name(), e.getMessage()));
                continue;
            }
            if (value == null && property.required()) {
                errors.add(FieldError.of(property.name(), "is required"));
            }
            values.put(property.name(), value);
        }
        // Only a record with more keys than known properties needs the per-key search; bulk rows rarely do.
        if (present < data.size()) {
            rejectUnknownKeys(schema, data, errors);
        }
        return values;
    }

    private static void rejectUnknownKeys(DatasetSchema schema, JsonNode data, List<FieldError> errors) {
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (schema.property(name).isEmpty()) {
                String reason = SystemColumn.fromColumnName(name).isPresent()
                        ? "is a system column set by the service"
                        : "is not a property of dataset '" + schema.name() + "'";
                errors.add(FieldError.of(name, "'" + name + "' " + reason));
            }
        }
    }
}
