package io.duckforge.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One step of a schema migration, as a client sends it: {@code {"op": "rename_property", "name": "a", "to": "b"}}.
 * Only the fields its {@link Op} uses are set.
 *
 * @param name         the property the change concerns; for {@code set_description} absent means the dataset itself
 * @param property     the new property of {@code add_property}
 * @param defaultValue the default of {@code set_default}; null clears it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaChange(
        Op op,
        String name,
        String to,
        PropertyType type,
        PropertyDefinition property,
        String description,
        @JsonProperty("default") JsonNode defaultValue) {

    public enum Op {
        ADD_PROPERTY(true),
        DROP_PROPERTY(false),
        RENAME_PROPERTY(false),
        CHANGE_TYPE(false),
        SET_REQUIRED(false),
        UNSET_REQUIRED(true),
        ADD_INDEX(true),
        DROP_INDEX(false),
        SET_UNIQUE(true),
        UNSET_UNIQUE(false),
        SET_DEFAULT(true),
        SET_DESCRIPTION(true);

        private final boolean additive;

        Op(boolean additive) {
            this.additive = additive;
        }

        /**
         * Whether a schema file may make this change at startup without an explicit allow flag: it adds or relaxes,
         * and never drops, rewrites or renames stored data or an index clients rely on.
         */
        public boolean additive() {
            return additive;
        }

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Op> fromWireName(String name) {
            return Arrays.stream(values()).filter(op -> op.wireName().equals(name)).findFirst();
        }
    }

    public static SchemaChange on(Op op, String name) {
        return new SchemaChange(op, name, null, null, null, null, null);
    }

    public static SchemaChange addProperty(PropertyDefinition property) {
        return new SchemaChange(Op.ADD_PROPERTY, null, null, null, property, null, null);
    }

    public static SchemaChange renameProperty(String name, String to) {
        return new SchemaChange(Op.RENAME_PROPERTY, name, to, null, null, null, null);
    }

    public static SchemaChange changeType(String name, PropertyType type) {
        return new SchemaChange(Op.CHANGE_TYPE, name, null, type, null, null, null);
    }

    public static SchemaChange setDefault(String name, JsonNode defaultValue) {
        return new SchemaChange(Op.SET_DEFAULT, name, null, null, null, null, defaultValue);
    }

    /** @param name the property, or null for the dataset's own description */
    public static SchemaChange setDescription(String name, String description) {
        return new SchemaChange(Op.SET_DESCRIPTION, name, null, null, null, description, null);
    }

    /** The property this change is about, whichever field names it. */
    public String subject() {
        return op == Op.ADD_PROPERTY ? property.name() : name;
    }

    @Override
    public String toString() {
        return op.wireName() + (subject() == null ? "" : " " + subject());
    }
}
