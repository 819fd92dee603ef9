package io.duckforge.query;

import java.util.List;

/**
 * A validated page request: filters, sort keys, the properties to return ({@code fields}, empty for all),
 * a 1-based page number and a page size.
 */
public record RecordQuery(List<Filter> filters, List<SortField> sort, List<String> fields, int page, int size) {

    public RecordQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        fields = List.copyOf(fields);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
