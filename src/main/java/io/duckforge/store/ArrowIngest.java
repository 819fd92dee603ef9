package io.duckforge.store;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stages an Arrow IPC stream body in a temporary table: DuckDB pulls the record batches through Arrow's C data
 * interface while the body arrives, one batch in memory at a time, and the staged rows are then checked and copied
 * like a Parquet file's (see {@link ColumnarIngest}). Staging is what lets a bad row be found before anything is
 * written: a stream can be read only once.
 */
final class ArrowIngest {

    static final String STAGING_TABLE = "duckforge_arrow_staging";
    private static final String BODY_VIEW = "duckforge_arrow_body";

    private ArrowIngest() {
    }

    static void stage(Connection connection, InputStream body) throws SQLException, IOException {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(body, allocator);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
             Statement statement = connection.createStatement()) {
            Data.exportArrayStream(allocator, reader, stream);
            dropStaging(statement);
            connection.unwrap(DuckDBConnection.class).registerArrowStream(BODY_VIEW, stream);
            try {
                statement.execute("CREATE TEMP TABLE " + STAGING_TABLE + " AS SELECT * FROM " + BODY_VIEW);
            } finally {
                statement.execute("DROP VIEW IF EXISTS " + BODY_VIEW);
            }
        }
    }

    /** Temporary tables belong to the pooled connection, which outlives the request. */
    static void dropStaging(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            dropStaging(statement);
        }
    }

    private static void dropStaging(Statement statement) throws SQLException {
        statement.execute("DROP TABLE IF EXISTS temp." + STAGING_TABLE);
    }
}
