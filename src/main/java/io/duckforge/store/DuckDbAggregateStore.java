package io.duckforge.store;

import io.duckforge.aggregate.AggregateQuery;
import io.duckforge.aggregate.AggregateSql;
import io.duckforge.query.TextFormat;
import io.duckforge.schema.DatasetSchema;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The {@link AggregateStore} on DuckDB: {@link AggregateSql}'s queries, run as every dataset read runs. */
@ApplicationScoped
public class DuckDbAggregateStore implements AggregateStore {

    private final DatasetReads reads;

    DuckDbAggregateStore(DatasetReads reads) {
        this.reads = reads;
    }

    @Override
    public long aggregateLines(DatasetSchema schema, AggregateQuery query, TextFormat format, LineSink sink)
            throws IOException {
        return reads.streamLines("aggregate", schema, AggregateSql.selectLines(schema, query, format), sink);
    }

    @Override
    public List<byte[]> aggregateLines(DatasetSchema schema, AggregateQuery query) {
        if (query.limit() == null) {
            throw new IllegalArgumentException("Only a query with a limit is held whole");
        }
        return reads.lines("aggregate", schema, AggregateSql.selectLines(schema, query, TextFormat.NDJSON));
    }

    @Override
    public long exportAggregateParquet(DatasetSchema schema, AggregateQuery query, Path target) {
        return reads.copyToParquet("aggregate-parquet", schema, AggregateSql.select(schema, query), target);
    }

    @Override
    public long exportAggregateArrow(DatasetSchema schema, AggregateQuery query, OutputStream out,
                                     BooleanSupplier clientGone) throws IOException {
        return reads.stream("aggregate-arrow", schema, AggregateSql.select(schema, query),
                result -> ArrowExport.write(result, out, clientGone));
    }
}
