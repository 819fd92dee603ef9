package io.duckforge.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The filter operators of the REST contract, by their wire names. */
public enum FilterOperator {
    EQ, NE, GT, GTE, LT, LTE, IN, LIKE, ILIKE, IS_NULL, IS_NOT_NULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FilterOperator> fromWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName().equals(name)).findFirst();
    }

    public boolean takesValue() {
        return this != IS_NULL && this != IS_NOT_NULL;
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(FilterOperator::wireName).toList());
    }
}
