package io.duckforge.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One typed property of a dataset. {@code defaultValue} is applied when a record leaves the property out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertyDefinition(
        String name,
        PropertyType type,
        boolean required,
        boolean indexed,
        boolean unique,
        @JsonProperty("default") JsonNode defaultValue,
        String description) {

    public PropertyDefinition withName(String newName) {
        return new PropertyDefinition(newName, type, required, indexed, unique, defaultValue, description);
    }

    public PropertyDefinition withType(PropertyType newType) {
        return new PropertyDefinition(name, newType, required, indexed, unique, defaultValue, description);
    }

    public PropertyDefinition withRequired(boolean newRequired) {
        return new PropertyDefinition(name, type, newRequired, indexed, unique, defaultValue, description);
    }

    public PropertyDefinition withIndexed(boolean newIndexed) {
        return new PropertyDefinition(name, type, required, newIndexed, unique, defaultValue, description);
    }

    public PropertyDefinition withUnique(boolean newUnique) {
        return new PropertyDefinition(name, type, required, indexed, newUnique, defaultValue, description);
    }

    public PropertyDefinition withDefault(JsonNode newDefault) {
        return new PropertyDefinition(name, type, required, indexed, unique, newDefault, description);
    }

    public PropertyDefinition withDescription(String newDescription) {
        return new PropertyDefinition(name, type, required, indexed, unique, defaultValue, newDescription);
    }
}
