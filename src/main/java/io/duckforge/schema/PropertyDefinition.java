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
}
