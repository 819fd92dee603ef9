package io.duckforge.query;

import java.util.List;

/**
 * One predicate on a column, its values already converted to the column's type.
 * {@code values} holds one value, the list of an {@code in}, or nothing for the null tests.
 */
public record Filter(String field, FilterOperator operator, List<Object> values) {

    public Filter {
        values = List.copyOf(values);
    }
}
