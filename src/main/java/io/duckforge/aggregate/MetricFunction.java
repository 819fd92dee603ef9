package io.duckforge.aggregate;

import io.duckforge.schema.PropertyType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a metric computes over a group's rows, and over which property types that has a meaning. */
public enum MetricFunction {
    COUNT(EnumSet.noneOf(PropertyType.class)),
    COUNT_DISTINCT(EnumSet.complementOf(EnumSet.of(PropertyType.JSON))),
    SUM(numeric()),
    AVG(numeric()),
    MIN(ordered()),
    MAX(ordered()),
    MEDIAN(numeric()),
    QUANTILE(numeric()),
    STDDEV(numeric());

    private final Set<PropertyType> types;

    MetricFunction(Set<PropertyType> types) {
        this.types = types;
    }

    private static Set<PropertyType> numeric() {
        return EnumSet.of(PropertyType.INTEGER, PropertyType.NUMBER);
    }

    private static Set<PropertyType> ordered() {
        return EnumSet.of(PropertyType.INTEGER, PropertyType.NUMBER, PropertyType.STRING, PropertyType.DATE,
                PropertyType.DATETIME);
    }

    public boolean accepts(PropertyType type) {
        return types.contains(type);
    }

    /** {@code count} alone counts rows and takes no field. */
    public boolean takesField() {
        return this != COUNT;
    }

    public Set<PropertyType> types() {
        return types;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MetricFunction> fromWireName(String name) {
        return Arrays.stream(values()).filter(fn -> fn.wireName().equals(name)).findFirst();
    }
}
