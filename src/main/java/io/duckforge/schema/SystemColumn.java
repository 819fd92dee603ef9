package io.duckforge.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Columns every dataset table carries besides its declared properties. */
public enum SystemColumn {
    ID(PropertyType.UUID),
    CREATED_AT(PropertyType.DATETIME),
    UPDATED_AT(PropertyType.DATETIME),
    VERSION(PropertyType.INTEGER);

    private final PropertyType type;

    SystemColumn(PropertyType type) {
        this.type = type;
    }

    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public PropertyType type() {
        return type;
    }

    public static Optional<SystemColumn> fromColumnName(String name) {
        return Arrays.stream(values()).filter(c -> c.columnName().equals(name)).findFirst();
    }
}
