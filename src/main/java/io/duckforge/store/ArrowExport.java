package io.duckforge.store;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBResultSet;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Copies a DuckDB result into an Arrow IPC stream batch by batch: DuckDB fills Arrow vectors natively, so no value
 * becomes a Java object, and memory is one batch, off heap.
 */
final class ArrowExport {

    static final int BATCH_ROWS = 8_192;

    private static volatile Boolean available;

    private ArrowExport() {
    }

    /**
     * Whether Arrow's memory layer can start: it reads {@code java.nio} internals and needs the JVM flag
     * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}, which a Quarkus runner jar's manifest cannot carry.
     */
    static boolean isAvailable() {
        if (available == null) {
            try (BufferAllocator probe = new RootAllocator()) {
                available = true;
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
        }
        return available;
    }

    /** @return rows written; stops with an {@link IOException} when {@code clientGone} turns true */
    static long write(ResultSet result, OutputStream out, BooleanSupplier clientGone) throws SQLException, IOException {
        long rows = 0;
        try (BufferAllocator allocator = new RootAllocator();
             ArrowReader reader = (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS);
             ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null, unclosable(out))) {
            writer.start();
            while (reader.loadNextBatch()) {
                if (clientGone.getAsBoolean()) {
                    throw new IOException("the client disconnected");
                }
                writer.writeBatch();
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            writer.end();
        }
        return rows;
    }

    /**
     * Closing an ArrowStreamWriter closes its stream; the response's stream is the framework's to close once it has
     * finished the response. (Closing it early is the suspected cause of an Arrow response once seen without its
     * Content-Type in a full test run.)
     */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
