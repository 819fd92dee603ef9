package io.duckforge.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A validated page request: filters, sort keys, the properties to return ({@code fields}, empty for all),
 * a 1-based page number and a page size.
 *
 * @param count whether the answer carries the number of matching records ({@code count=false} waives it)
 * @param after the order keys of the record a cursor continues after ({@link RecordSqlBuilder#orderKeys}); null for an
 *              offset page
 */
public record RecordQuery(List<Filter> filters, List<SortField> sort, List<String> fields, int page, int size,
                          boolean count, List<Object> after) {

    public RecordQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        fields = List.copyOf(fields);
        // A key may be null (nulls sort last), which List.copyOf refuses.
        after = after == null ? null : Collections.unmodifiableList(new ArrayList<>(after));
    }

    public RecordQuery(List<Filter> filters, List<SortField> sort, List<String> fields, int page, int size, boolean count) {
        this(filters, sort, fields, page, size, count, null);
    }

    /** The same query continuing after a cursor's keys. */
    public RecordQuery after(List<Object> keys) {
        return new RecordQuery(filters, sort, fields, 1, size, count, keys);
    }

    public long offset() {
        return after == null ? (long) (page - 1) * size : 0;
    }
}
