package io.duckforge.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a schema document (from a file or a request body) into a {@link DatasetSchema}, collecting every
 * structural problem (unknown keys, wrong JSON types, unknown property types) with the field it concerns.
 */
public final class SchemaReader {

    private static final Set<String> SCHEMA_KEYS = Set.of("name", "description", "version", "properties");
    private static final Set<String> PROPERTY_KEYS =
            Set.of("name", "type", "required", "indexed", "unique", "default", "description");

    private SchemaReader() {
    }

    public static DatasetSchema read(JsonNode document) {
        List<FieldError> errors = new ArrayList<>();
        if (document == null || !document.isObject()) {
            throw new ValidationException(FieldError.of("", "a schema must be a JSON object"));
        }
        rejectUnknownKeys(document, SCHEMA_KEYS, "", errors);
        String name = text(document, "name", "name", errors);
        String description = text(document, "description", "description", errors);
        JsonNode version = document.get("version");
        if (version != null && !version.isNull() && !version.canConvertToInt()) {
            errors.add(FieldError.of("version", "expected an integer"));
        }
        List<PropertyDefinition> properties = new ArrayList<>();
        JsonNode propertyNodes = document.get("properties");
        if (propertyNodes == null || !propertyNodes.isArray()) {
            errors.add(FieldError.of("properties", "expected a list of properties"));
        } else {
            for (int i = 0; i < propertyNodes.size(); i++) {
                properties.add(readProperty(propertyNodes.get(i), "properties[" + i + "]", errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The schema document is malformed", errors);
        }
        int declaredVersion = version == null || version.isNull() ? 1 : version.intValue();
        return new DatasetSchema(name, description, declaredVersion, properties);
    }

    static PropertyDefinition readProperty(JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(FieldError.of(path, "a property must be a JSON object"));
            return null;
        }
        String name = text(node, "name", path + ".name", errors);
        String label = name == null ? path : path + " (" + name + ")";
        rejectUnknownKeys(node, PROPERTY_KEYS, label, errors);
        PropertyType type = type(node, label + ".type", errors);
        JsonNode defaultValue = node.get("default");
        return new PropertyDefinition(
                name,
                type,
                flag(node, "required", label, errors),
                flag(node, "indexed", label, errors),
                flag(node, "unique", label, errors),
                defaultValue == null || defaultValue.isNull() ? null : defaultValue,
                text(node, "description", label + ".description", errors));
    }

    /** The required {@code type} key of {@code node}; null, with an error naming {@code field}, when absent or unknown. */
    static PropertyType type(JsonNode node, String field, List<FieldError> errors) {
        String typeName = text(node, "type", field, errors);
        if (typeName == null) {
            errors.add(FieldError.of(field, "a type is required; one of " + typeNames()));
            return null;
        }
        PropertyType type = PropertyType.fromWireName(typeName).orElse(null);
        if (type == null) {
            errors.add(FieldError.of(field, "unknown type '" + typeName + "'; one of " + typeNames()));
        }
        return type;
    }

    static String text(JsonNode node, String key, String field, List<FieldError> errors) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(FieldError.of(field, "expected a string"));
            return null;
        }
        return value.textValue();
    }

    private static boolean flag(JsonNode node, String key, String label, List<FieldError> errors) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(FieldError.of(label + "." + key, "expected true or false"));
            return false;
        }
        return value.booleanValue();
    }

    static void rejectUnknownKeys(JsonNode node, Set<String> allowed, String label, List<FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                String field = label.isEmpty() ? key : label + "." + key;
                errors.add(FieldError.of(field, "unknown key; allowed: " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    private static String typeNames() {
        return String.join(", ", Arrays.stream(PropertyType.values()).map(PropertyType::wireName).toList());
    }
}
