package io.duckforge.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The changes that turn an applied schema into a schema file's definition, for startup. Properties are matched by
 * name, so a renamed property shows as a drop and an add: a file cannot say that values should move, only the API
 * can. Property order does not matter; new properties always go last.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static List<SchemaChange> between(DatasetSchema applied, DatasetSchema desired) {
        List<SchemaChange> changes = new ArrayList<>();
        for (PropertyDefinition old : applied.properties()) {
            if (desired.property(old.name()).isEmpty()) {
                changes.add(SchemaChange.on(SchemaChange.Op.DROP_PROPERTY, old.name()));
            }
        }
        for (PropertyDefinition wanted : desired.properties()) {
            PropertyDefinition old = applied.property(wanted.name()).orElse(null);
            if (old == null) {
                changes.add(SchemaChange.addProperty(wanted));
            } else {
                changes.addAll(propertyChanges(old, wanted));
            }
        }
        if (!Objects.equals(applied.description(), desired.description())) {
            changes.add(SchemaChange.setDescription(null, desired.description()));
        }
        return changes;
    }

    private static List<SchemaChange> propertyChanges(PropertyDefinition old, PropertyDefinition wanted) {
        List<SchemaChange> changes = new ArrayList<>();
        String name = old.name();
        if (old.type() != wanted.type()) {
            changes.add(SchemaChange.changeType(name, wanted.type()));
        }
        if (!Objects.equals(old.defaultValue(), wanted.defaultValue())) {
            changes.add(SchemaChange.setDefault(name, wanted.defaultValue()));
        }
        if (old.required() != wanted.required()) {
            changes.add(SchemaChange.on(wanted.required() ? SchemaChange.Op.SET_REQUIRED : SchemaChange.Op.UNSET_REQUIRED, name));
        }
        // Uniqueness first: a unique property's own index stands in for "indexed", so that flag changes only without it.
        if (old.unique() != wanted.unique()) {
            changes.add(SchemaChange.on(wanted.unique() ? SchemaChange.Op.SET_UNIQUE : SchemaChange.Op.UNSET_UNIQUE, name));
        }
        if (old.indexed() != wanted.indexed()) {
            changes.add(SchemaChange.on(wanted.indexed() ? SchemaChange.Op.ADD_INDEX : SchemaChange.Op.DROP_INDEX, name));
        }
        if (!Objects.equals(old.description(), wanted.description())) {
            changes.add(SchemaChange.setDescription(name, wanted.description()));
        }
        return changes;
    }
}
