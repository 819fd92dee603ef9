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

    public Optional<PropertyDefinition> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    public DatasetSchema withVersion(int newVersion) {
        return new DatasetSchema(name, description, newVersion, properties);
    }
}
