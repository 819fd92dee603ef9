package io.duckforge.query;

import java.util.List;
import java.util.OptionalLong;

/** A whole-result read for streaming: filters, optional sort and projection, and an optional row limit. */
public record ExportQuery(List<Filter> filters, List<SortField> sort, List<String> fields, OptionalLong limit) {

    public ExportQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        fields = List.copyOf(fields);
    }
}
