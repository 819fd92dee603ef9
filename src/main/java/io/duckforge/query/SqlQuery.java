package io.duckforge.query;

import java.util.List;

/** A SQL text and its bound parameters, in the order of their {@code ?} placeholders. */
public record SqlQuery(String sql, List<Object> parameters) {

    public SqlQuery {
        parameters = List.copyOf(parameters);
    }
}
