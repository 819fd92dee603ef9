package io.duckforge.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a dataset schema must follow before it becomes a table. Names become SQL identifiers, so they
 * are held to a strict lowercase pattern; system column names and names that collide with REST paths are reserved.
 */
public final class SchemaValidator {

    private static final Pattern DATASET_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** {@code /api/v1/records/bulk} would shadow a dataset of that name. */
    private static final Set<String> RESERVED_DATASET_NAMES = Set.of("bulk");
    /** The service's own tables, views and schemas are named so; a dataset of such a name could shadow one. */
    public static final String INTERNAL_PREFIX = "duckforge_";

    private SchemaValidator() {
    }

    public static DatasetSchema validate(DatasetSchema schema) {
        List<FieldError> errors = new ArrayList<>();
        if (schema.name() == null) {
            errors.add(FieldError.of("name", "a dataset name is required"));
        } else if (!DATASET_NAME.matcher(schema.name()).matches()) {
            errors.add(FieldError.of("name", "'" + schema.name()
                    + "' is not a valid dataset name: lowercase letters, digits and _, starting with a letter, at most 63"));
        } else if (RESERVED_DATASET_NAMES.contains(schema.name())) {
            errors.add(FieldError.of("name", "'" + schema.name() + "' is reserved"));
        } else if (schema.name().startsWith(INTERNAL_PREFIX)) {
            errors.add(FieldError.of("name", "names starting with '" + INTERNAL_PREFIX + "' are reserved for the service"));
        }
        if (schema.version() < 1) {
            errors.add(FieldError.of("version", "the version starts at 1"));
        }
        if (schema.properties().isEmpty()) {
            errors.add(FieldError.of("properties", "a dataset needs at least one property"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schema.properties().size(); i++) {
            validateProperty(schema.properties().get(i), "properties[" + i + "]", seen, errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The schema '" + schema.name() + "' is invalid", errors);
        }
        return schema;
    }

    private static void validateProperty(PropertyDefinition property, String path, Set<String> seen, List<FieldError> errors) {
        String name = property.name();
        if (name == null) {
            errors.add(FieldError.of(path + ".name", "a property name is required"));
            return;
        }
        String label = path + " (" + name + ")";
        if (!PROPERTY_NAME.matcher(name).matches()) {
            errors.add(FieldError.of(label + ".name", "'" + name
                    + "' is not a valid property name: lowercase letters, digits and _, not starting with a digit, at most 63"));
        } else if (SystemColumn.fromColumnName(name).isPresent()) {
            errors.add(FieldError.of(label + ".name", "'" + name + "' is a reserved system column"));
        } else if (!seen.add(name)) {
            errors.add(FieldError.of(label + ".name", "duplicate property '" + name + "'"));
        }
        if (property.type() == PropertyType.JSON && (property.indexed() || property.unique())) {
            errors.add(FieldError.of(label, "a json property cannot be indexed or unique"));
        }
        if (property.defaultValue() != null && property.type() != null) {
            try {
                PropertyValueConverter.convert(property.type(), property.defaultValue());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(label + ".default", "default does not fit type " + property.type().wireName() + ": " + e.getMessage()));
            }
        }
    }
}
