package io.duckforge.query;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;

import java.util.List;

final class QueryTestSchemas {

    static final DatasetSchema WELLS = new DatasetSchema("wells", null, 1, List.of(
            property("name", PropertyType.STRING),
            property("code", PropertyType.INTEGER),
            property("oil", PropertyType.NUMBER),
            property("active", PropertyType.BOOLEAN),
            property("day", PropertyType.DATE),
            property("at", PropertyType.DATETIME),
            property("ref", PropertyType.UUID),
            property("raw", PropertyType.JSON)));

    private QueryTestSchemas() {
    }

    private static PropertyDefinition property(String name, PropertyType type) {
        return new PropertyDefinition(name, type, false, false, false, null, null);
    }
}
