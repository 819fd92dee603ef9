package io.duckforge.query;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.SystemColumn;

import java.util.Optional;

/** The columns a query may name: the system columns and the schema's properties. */
public final class ColumnTypes {

    private ColumnTypes() {
    }

    public static Optional<PropertyType> typeOf(DatasetSchema schema, String column) {
        return SystemColumn.fromColumnName(column).map(SystemColumn::type)
                .or(() -> schema.property(column).map(PropertyDefinition::type));
    }
}
