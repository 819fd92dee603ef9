package io.duckforge.query;

/** One sort key; identifiers are checked against the schema before one is made. */
public record SortField(String field, boolean descending) {
}
