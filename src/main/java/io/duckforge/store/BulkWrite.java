package io.duckforge.store;

import java.util.Map;

/**
 * One all-or-nothing bulk write: rows are appended, then {@link #commit()} makes them visible together.
 * Closing without a commit discards everything appended.
 */
public interface BulkWrite extends AutoCloseable {

    /**
     * @param system the row's own system columns, where it brought valid ones
     * @param values property values in schema order, as produced by the record validator
     */
    void append(SystemValues system, Map<String, Object> values);

    /** @return the number of rows written */
    long commit();

    @Override
    void close();
}
