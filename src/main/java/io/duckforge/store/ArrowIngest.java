package io.duckforge.store;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;
import io.quarkus.logging.Log;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads an Arrow IPC stream body, which DuckDB reads through Arrow's C data interface batch by batch while it
 * arrives. The fast path is one INSERT straight from the stream, whose CASTs and NOT NULL constraints refuse a bad
 * body without naming its row. A stream can be read only once, so the body is copied to a file on the way; if the
 * fast path fails, the copy is staged in a temporary table and checked like a Parquet file (see
 * {@link ColumnarIngest}), which names the offending rows or, finding none, loads it.
 */
final class ArrowIngest {

    private static final String STAGING_TABLE = "duckforge_arrow_staging";
    private static final String BODY_VIEW = "duckforge_arrow_body";

    private final Connection connection;
    private final DatasetSchema schema;
    private final long maxRows;

    ArrowIngest(Connection connection, DatasetSchema schema, long maxRows) {
        this.connection = connection;
        this.schema = schema;
        this.maxRows = maxRows;
    }

    /** @param length the body's length in bytes, which no size it declares may exceed */
    long load(InputStream body, long length, Path copy) throws SQLException, IOException {
        try (OutputStream copyOut = Files.newOutputStream(copy);
             InputStream copying = new CopyingInputStream(body, copyOut)) {
            try {
                return direct(new ArrowFrameGuard(copying, length));
            } catch (SQLException | RuntimeException e) {
                // The rest of the body, so that the copy is whole; the failed INSERT's view goes with it.
                copying.transferTo(OutputStream.nullOutputStream());
                execute("DROP VIEW IF EXISTS " + BODY_VIEW);
            }
        }
        try (InputStream again = new ArrowFrameGuard(new BufferedInputStream(Files.newInputStream(copy)), Files.size(copy))) {
            return checked(again);
        }
    }

    private long direct(InputStream body) throws SQLException, IOException {
        try (DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
            long rows = withBodyView(body, () -> ColumnarIngest.relation(connection, schema, BODY_VIEW, "Arrow").loadUnchecked(maxRows));
            transaction.commit();
            return rows;
        }
    }

    // Staged before the transaction begins: a body that fails to read then leaves no aborted transaction behind,
    // and the staging table (the pooled connection's, which outlives the request) can always be dropped.
    private long checked(InputStream body) throws SQLException {
        try {
            stage(body);
            try (DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
                long rows = ColumnarIngest.relation(connection, schema, STAGING_TABLE, "Arrow").load(maxRows);
                transaction.commit();
                return rows;
            }
        } finally {
            execute("DROP TABLE IF EXISTS temp." + STAGING_TABLE);
            execute("DROP VIEW IF EXISTS " + BODY_VIEW);
        }
    }

    // Whatever fails while DuckDB reads the stream here (truncated, not Arrow at all) is the body's fault.
    private void stage(InputStream body) {
        try {
            execute("DROP TABLE IF EXISTS temp." + STAGING_TABLE);
            withBodyView(body, () -> {
                execute("CREATE TEMP TABLE " + STAGING_TABLE + " AS SELECT * FROM " + BODY_VIEW);
                return 0L;
            });
        } catch (SQLException | IOException | RuntimeException e) {
            // The reader's and the engine's messages name internals; they go to the log only.
            Log.debugf("Unreadable Arrow body: %s", e.getMessage());
            throw new ValidationException(FieldError.of("body", "not a readable Arrow IPC stream"));
        }
    }

    private long withBodyView(InputStream body, SqlWork work) throws SQLException, IOException {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(body, allocator);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, reader, stream);
            connection.unwrap(DuckDBConnection.class).registerArrowStream(BODY_VIEW, stream);
            long result = work.run();
            execute("DROP VIEW IF EXISTS " + BODY_VIEW);
            return result;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        long run() throws SQLException;
    }

    /**
     * Hands on every byte read to a second stream. Closing it leaves the body open: Arrow's reader closes its input
     * when done, and the rest of a refused body must still be read into the copy.
     */
    private static final class CopyingInputStream extends FilterInputStream {

        private final OutputStream copy;

        CopyingInputStream(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public void close() {
            // The body is the framework's to close.
        }
    }
}
