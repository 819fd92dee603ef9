package io.duckforge.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/** A declared dataset: its name is the table name, its properties are the data columns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSchema(String name, String description, int version, List<PropertyDefinition> properties) {

    public DatasetSchema {
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    // A plain loop: this runs for every key of every ingested row, and datasets have tens of properties, not thousands.
    public Optional<PropertyDefinition> property(String propertyName) {
        for (PropertyDefinition property : properties) {
            if (property.name().equals(propertyName)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /** The properties named in {@code fields}, or all when it is empty, in schema order: what a projection returns. */
    public List<PropertyDefinition> selectedProperties(List<String> fields) {
        return fields.isEmpty() ? properties : properties.stream().filter(property -> fields.contains(property.name())).toList();
    }

    public DatasetSchema withVersion(int newVersion) {
        return new DatasetSchema(name, description, newVersion, properties);
    }
}
