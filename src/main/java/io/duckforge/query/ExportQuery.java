package io.duckforge.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * A whole-result read for streaming: filters, optional sort and projection, an optional row limit, and where a resumed
 * stream starts.
 *
 * @param after the order keys ({@link RecordSqlBuilder#orderKeys}) of the record the stream resumes after; null for a
 *              stream from the start
 */
public record ExportQuery(List<Filter> filters, List<SortField> sort, List<String> fields, OptionalLong limit,
                          List<Object> after) {

    public ExportQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        fields = List.copyOf(fields);
        // A key may be null (nulls sort last), which List.copyOf refuses.
        after = after == null ? null : Collections.unmodifiableList(new ArrayList<>(after));
    }

    public ExportQuery(List<Filter> filters, List<SortField> sort, List<String> fields, OptionalLong limit) {
        this(filters, sort, fields, limit, null);
    }

    /** The same stream resuming after the record whose order keys these are. */
    public ExportQuery after(List<Object> keys) {
        return new ExportQuery(filters, sort, fields, limit, keys);
    }

    /** Whether the records leave in the order of {@link RecordSqlBuilder#orderKeys}: when sorted, or resumed. */
    public boolean ordered() {
        return !sort.isEmpty() || after != null;
    }
}
