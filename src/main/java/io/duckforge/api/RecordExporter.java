package io.duckforge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.query.ExportQuery;
import io.duckforge.query.RecordSqlBuilder;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SystemColumn;
import io.duckforge.store.DatasetStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Streams a dataset's matching records to the response as DuckDB produces them. The response stream blocks while
 * the client's socket is full, so a slow client slows the query instead of filling the heap; a client that goes
 * away fails the next write, which cancels the query and frees the connection.
 */
@ApplicationScoped
public class RecordExporter {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final DatasetStore store;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final AtomicInteger active;

    public RecordExporter(DatasetStore store, ObjectMapper mapper, MeterRegistry registry) {
        this.store = store;
        this.mapper = mapper;
        this.registry = registry;
        this.active = registry.gauge("duckforge.stream.active", new AtomicInteger());
    }

    /**
     * @param clientGone tells whether the client has disconnected; the framework's response stream swallows writes
     *                   to a closed connection, so without this check a query would run to its end for nobody
     */
    StreamingOutput export(DatasetSchema schema, ExportQuery query, ExportFormat format, String path,
                           BooleanSupplier clientGone) {
        Counter rows = counter("duckforge.stream.rows", "Records streamed", schema, format);
        Counter bytes = counter("duckforge.stream.bytes", "Bytes of streamed bodies", schema, format);
        return output -> {
            active.incrementAndGet();
            OutputStream counted = new BufferedOutputStream(new CountingOutputStream(output, bytes), BUFFER_BYTES);
            RecordWriter writer = writer(format, counted, schema, query);
            try {
                store.stream(schema, query, record -> {
                    if (clientGone.getAsBoolean()) {
                        throw new IOException("the client disconnected");
                    }
                    writer.write(record);
                    rows.increment();
                });
                writer.end();
                counted.flush();
            } catch (IOException e) {
                Log.debugf("Stream of %s ended by the client: %s", schema.name(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                Log.errorf(e, "Stream of %s failed after it started", schema.name());
                writer.fail(new Problem("urn:duckforge:problem:stream-failed", "Stream failed", 500,
                        "The stream failed after it started; the body is incomplete", path, null));
                counted.flush();
                throw e;
            } finally {
                active.decrementAndGet();
            }
        };
    }

    private RecordWriter writer(ExportFormat format, OutputStream out, DatasetSchema schema, ExportQuery query)
            throws IOException {
        return switch (format) {
            case NDJSON -> new NdjsonRecordWriter(mapper, out);
            case CSV -> new CsvRecordWriter(out, propertyColumns(schema, query));
        };
    }

    private static List<String> propertyColumns(DatasetSchema schema, ExportQuery query) {
        List<String> systemColumns = Arrays.stream(SystemColumn.values()).map(SystemColumn::columnName).toList();
        return RecordSqlBuilder.selectedColumns(schema, query.fields()).stream()
                .filter(column -> !systemColumns.contains(column)).toList();
    }

    private Counter counter(String name, String description, DatasetSchema schema, ExportFormat format) {
        return Counter.builder(name).description(description)
                .tag("schema", schema.name()).tag("format", format.formatName())
                .register(registry);
    }

    /** Counts the bytes that reach the response, after buffering. */
    private static final class CountingOutputStream extends FilterOutputStream {

        private final Counter bytes;

        CountingOutputStream(OutputStream out, Counter bytes) {
            super(out);
            this.bytes = bytes;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            bytes.increment(length);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.increment();
        }
    }
}
