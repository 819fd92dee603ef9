package io.duckforge.api;

import io.duckforge.aggregate.AggregateQuery;
import io.duckforge.query.ExportQuery;
import io.duckforge.query.RecordSqlBuilder;
import io.duckforge.query.TextFormat;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.store.AggregateStore;
import io.duckforge.store.DatasetStore;
import io.duckforge.store.LineSink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The rows a stream sends, in each format the database writes them: a dataset's records, or its aggregated groups. */
sealed interface ExportSource {

    DatasetSchema schema();

    /** The CSV header, in the order of each line's fields. */
    List<String> columns();

    long lines(TextFormat format, LineSink sink) throws IOException;

    long parquet(Path target);

    long arrow(OutputStream out, BooleanSupplier clientGone) throws IOException;

    record Records(DatasetStore store, DatasetSchema schema, ExportQuery query) implements ExportSource {

        @Override
        public List<String> columns() {
            return RecordSqlBuilder.selectedColumns(schema, query.fields());
        }

        @Override
        public long lines(TextFormat format, LineSink sink) throws IOException {
            return store.streamLines(schema, query, format, sink);
        }

        @Override
        public long parquet(Path target) {
            return store.exportParquet(schema, query, target);
        }

        @Override
        public long arrow(OutputStream out, BooleanSupplier clientGone) throws IOException {
            return store.exportArrow(schema, query, out, clientGone);
        }
    }

    record Groups(AggregateStore store, DatasetSchema schema, AggregateQuery query) implements ExportSource {

        @Override
        public List<String> columns() {
            return query.columns();
        }

        @Override
        public long lines(TextFormat format, LineSink sink) throws IOException {
            return store.aggregateLines(schema, query, format, sink);
        }

        @Override
        public long parquet(Path target) {
            return store.exportAggregateParquet(schema, query, target);
        }

        @Override
        public long arrow(OutputStream out, BooleanSupplier clientGone) throws IOException {
            return store.exportAggregateArrow(schema, query, out, clientGone);
        }
    }
}
