package io.duckforge.schema;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Database-neutral property types; each store maps them to its own column types. */
public enum PropertyType {
    STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, UUID, JSON;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PropertyType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
