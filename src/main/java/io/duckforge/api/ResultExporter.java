package io.duckforge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.query.TextFormat;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.store.ClientPacedConnections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import io.duckforge.store.DatasetStore;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Streams a dataset's matching records, or its groups, to the response as DuckDB produces them. The response stream blocks while
 * the client's socket is full, so a slow client slows the query instead of filling the heap; a client that goes
 * away fails the next write, which cancels the query and frees the connection.
 */
@ApplicationScoped
public class ResultExporter {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final AtomicInteger active;
    private final ScratchFiles scratch;
    private final ClientPacedConnections clientPaced;
    private final DatasetStore store;

    public ResultExporter(ObjectMapper mapper, MeterRegistry registry, ScratchFiles scratch,
                          ClientPacedConnections clientPaced, DatasetStore store) {
        this.clientPaced = clientPaced;
        this.store = store;
        this.mapper = mapper;
        this.registry = registry;
        this.scratch = scratch;
        this.active = new AtomicInteger();
        Gauge.builder("duckforge.stream.active", active, AtomicInteger::get)
                .description("Streams in progress, each holding a pooled connection").register(registry);
    }

    /**
     * The 200 that streams {@code source} in {@code format} (see {@link #export}); 501 for Arrow in a JVM that cannot
     * write it.
     */
    Response respond(ExportSource source, ExportFormat format, String path, RoutingContext request) {
        if (format == ExportFormat.ARROW && !store.arrowAvailable()) {
            throw new ArrowUnavailableException();
        }
        // Set on the Vert.x response too: a full test run once saw an Arrow stream start without the header the
        // framework adds from the Response; the two agree, so whichever writes it last changes nothing.
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType());
        return Response.ok(export(source, format, path, request), format.mediaType()).build();
    }

    /**
     * Takes the stream's share of the connection pool now, while a refusal can still be a 503; it goes back when the
     * body is written or the response ends without it.
     *
     * @param request its response's closed state tells whether the client has disconnected; the framework's response
     *                stream swallows writes to a closed connection, so without that check a query would run to its end
     *                for nobody
     */
    private StreamingOutput export(ExportSource source, ExportFormat format, String path, RoutingContext request) {
        DatasetSchema schema = source.schema();
        Counter rows = counter("duckforge.stream.rows", "Rows streamed: records, or groups of an aggregate", schema, format);
        Counter bytes = counter("duckforge.stream.bytes", "Bytes of streamed bodies", schema, format);
        ClientPacedConnections.Permit permit = clientPaced.acquire();
        request.addEndHandler(ended -> permit.close());
        BooleanSupplier clientGone = request.response()::closed;
        return output -> {
            active.incrementAndGet();
            try (permit) {
                switch (format) {
                    case PARQUET -> sendParquet(source, output, rows, bytes, clientGone);
                    case ARROW -> sendArrow(source, counted(output, bytes), rows, clientGone);
                    case NDJSON -> sendLines(source, TextFormat.NDJSON, path, counted(output, bytes), rows, clientGone);
                    case CSV -> sendLines(source, TextFormat.CSV, path, counted(output, bytes), rows, clientGone);
                }
            } finally {
                active.decrementAndGet();
            }
        };
    }

    /** NDJSON and CSV: lines rendered by the database, one row at a time, copied to the response. */
    private void sendLines(ExportSource source, TextFormat format, String path, OutputStream out, Counter rows,
                           BooleanSupplier clientGone) throws IOException {
        DatasetSchema schema = source.schema();
        TextStreamWriter writer = TextStreamWriter.start(format, out, mapper, source.columns());
        try {
            source.lines(format, line -> {
                if (clientGone.getAsBoolean()) {
                    throw new ClientGoneException();
                }
                writer.line(line);
                rows.increment();
            });
            writer.end();
            out.flush();
        } catch (IOException e) {
            throw clientGone(schema, e);
        } catch (RuntimeException e) {
            Log.errorf(e, "Stream of %s failed after it started", schema.name());
            writer.fail(ProblemMapper.inBand(e, path));
            out.flush();
            throw e;
        }
    }

    /**
     * Parquet puts its footer last, so DuckDB writes the whole file to a temporary file first (disk, not heap, holds
     * the result) and the response then sends it in chunks, watching for the client as a row stream does.
     */
    private void sendParquet(ExportSource source, OutputStream output, Counter rows, Counter bytes,
                             BooleanSupplier clientGone) throws IOException {
        Path file = scratch.create("export-", ".parquet");
        try {
            rows.increment(source.parquet(file));
            byte[] chunk = new byte[BUFFER_BYTES];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
                    if (clientGone.getAsBoolean()) {
                        throw new ClientGoneException();
                    }
                    send(output, chunk, n);
                    bytes.increment(n);
                }
            }
            send(output, chunk, 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Arrow batches straight from DuckDB's Arrow export. */
    private void sendArrow(ExportSource source, OutputStream out, Counter rows, BooleanSupplier clientGone)
            throws IOException {
        try {
            rows.increment(source.arrow(out, clientGone));
            out.flush();
        } catch (IOException e) {
            throw clientGone(source.schema(), e);
        }
    }

    private static ClientGoneException clientGone(DatasetSchema schema, IOException e) {
        Log.debugf("Stream of %s ended by the client: %s", schema.name(), e.getMessage());
        return e instanceof ClientGoneException gone ? gone : new ClientGoneException(e);
    }

    private static OutputStream counted(OutputStream output, Counter bytes) {
        return new BufferedOutputStream(new CountingOutputStream(output, bytes), BUFFER_BYTES);
    }

    /** Writes to the client; a failure there is the client's connection, not the export. */
    private static void send(OutputStream output, byte[] chunk, int length) throws ClientGoneException {
        try {
            output.write(chunk, 0, length);
            output.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
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
