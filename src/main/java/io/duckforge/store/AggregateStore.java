package io.duckforge.store;

import io.duckforge.aggregate.AggregateQuery;
import io.duckforge.query.TextFormat;
import io.duckforge.schema.DatasetSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The storage port for aggregates: groups of a dataset's records and figures over each, computed by the database.
 * Each group is a flat row: its keys, then its metrics, named as {@link AggregateQuery#columns()} says. The rules of
 * {@link DatasetStore}'s streams hold: one row held at a time, a failing sink cancels the query.
 */
public interface AggregateStore {

    /**
     * Streams each group into {@code sink} as one line of {@code format}, rendered by the database (values as the JSON
     * API writes them).
     *
     * @return the number of groups streamed
     */
    long aggregateLines(DatasetSchema schema, AggregateQuery query, TextFormat format, LineSink sink) throws IOException;

    /** The groups of a query with a limit, each an NDJSON line as {@link #aggregateLines} renders it, all held. */
    List<byte[]> aggregateLines(DatasetSchema schema, AggregateQuery query);

    /** Writes the groups to a Parquet file through the database's own writer; see {@link DatasetStore#exportParquet}. */
    long exportAggregateParquet(DatasetSchema schema, AggregateQuery query, Path target);

    /** Streams the groups as an Arrow IPC stream; see {@link DatasetStore#exportArrow}. */
    long exportAggregateArrow(DatasetSchema schema, AggregateQuery query, OutputStream out, BooleanSupplier clientGone)
            throws IOException;
}
