package io.duckforge.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a migration's changes, in order, to a schema's definition: the logical half of a migration. Each change
 * must make sense against the schema as the changes before it left it (the property exists, the new name is free,
 * the change is not a no-op); errors name the change, e.g. {@code changes[1].to}. The store decides how the table
 * follows and checks the stored values.
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** @return the schema after every change, one version up, validated like a declared schema */
    public static DatasetSchema apply(DatasetSchema current, List<SchemaChange> changes) {
        List<PropertyDefinition> properties = new ArrayList<>(current.properties());
        String description = current.description();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            SchemaChange change = changes.get(i);
            String path = "changes[" + i + "]";
            if (change.op() == SchemaChange.Op.ADD_PROPERTY) {
                if (indexOf(properties, change.property().name()) >= 0) {
                    errors.add(FieldError.of(path + ".property.name", "property '" + change.property().name() + "' exists already"));
                } else {
                    // Appended: new columns go last in the table, and the schema's order is the table's column order.
                    properties.add(change.property());
                }
                continue;
            }
            if (change.op() == SchemaChange.Op.SET_DESCRIPTION && change.name() == null) {
                description = change.description();
                continue;
            }
            int at = indexOf(properties, change.name());
            if (at < 0) {
                errors.add(FieldError.of(path + ".name", "no property '" + change.name() + "' in dataset '" + current.name() + "'"));
                continue;
            }
            String problem = applyTo(properties, at, change);
            if (problem != null) {
                errors.add(FieldError.of(path + (change.op() == SchemaChange.Op.RENAME_PROPERTY ? ".to" : ".op"), problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The changes do not apply to dataset '" + current.name() + "' (version "
                    + current.version() + ")", errors);
        }
        return SchemaValidator.validate(new DatasetSchema(current.name(), description, current.version() + 1, properties));
    }

    /** @return why the change does not apply, or null when it was applied */
    private static String applyTo(List<PropertyDefinition> properties, int at, SchemaChange change) {
        PropertyDefinition p = properties.get(at);
        PropertyDefinition changed;
        switch (change.op()) {
            case DROP_PROPERTY -> {
                properties.remove(at);
                return null;
            }
            case RENAME_PROPERTY -> {
                if (change.to().equals(p.name())) {
                    return "'" + p.name() + "' already has that name";
                }
                if (indexOf(properties, change.to()) >= 0) {
                    return "property '" + change.to() + "' exists already";
                }
                changed = p.withName(change.to());
            }
            case CHANGE_TYPE -> {
                if (change.type() == p.type()) {
                    return "'" + p.name() + "' is already of type " + p.type().wireName();
                }
                // A default of the old type rarely fits the new one; keep it only if it does (validated below).
                changed = p.withType(change.type());
            }
            case SET_REQUIRED, UNSET_REQUIRED -> {
                boolean required = change.op() == SchemaChange.Op.SET_REQUIRED;
                if (p.required() == required) {
                    return "'" + p.name() + "' is " + (required ? "already" : "not") + " required";
                }
                changed = p.withRequired(required);
            }
            case ADD_INDEX, DROP_INDEX -> {
                boolean indexed = change.op() == SchemaChange.Op.ADD_INDEX;
                if (p.indexed() == indexed) {
                    return "'" + p.name() + "' is " + (indexed ? "already" : "not") + " indexed";
                }
                changed = p.withIndexed(indexed);
            }
            case SET_UNIQUE, UNSET_UNIQUE -> {
                boolean unique = change.op() == SchemaChange.Op.SET_UNIQUE;
                if (p.unique() == unique) {
                    return "'" + p.name() + "' is " + (unique ? "already" : "not") + " unique";
                }
                changed = p.withUnique(unique);
            }
            case SET_DEFAULT -> {
                if (Objects.equals(p.defaultValue(), change.defaultValue())) {
                    return "'" + p.name() + "' already has that default";
                }
                changed = p.withDefault(change.defaultValue());
            }
            case SET_DESCRIPTION -> changed = p.withDescription(change.description());
            default -> throw new IllegalStateException("Handled before: " + change.op());
        }
        properties.set(at, changed);
        return null;
    }

    private static int indexOf(List<PropertyDefinition> properties, String name) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
