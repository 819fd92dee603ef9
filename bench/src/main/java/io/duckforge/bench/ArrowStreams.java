package io.duckforge.bench;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** DuckDB's own Arrow paths, in-process: the ceilings of the Arrow workloads and the maker of their bodies. */
final class ArrowStreams {

    static final int BATCH_ROWS = 8_192;

    private ArrowStreams() {
    }

    /** Writes a query's result as an Arrow IPC stream, batch by batch, as DuckDB's Arrow export produces them. */
    static long write(Connection connection, String select, OutputStream out) throws Exception {
        long rows = 0;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(select);
             BufferAllocator allocator = new RootAllocator();
             ArrowReader reader = (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS);
             ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null, out)) {
            writer.start();
            while (reader.loadNextBatch()) {
                writer.writeBatch();
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            writer.end();
        }
        return rows;
    }

    /** Runs {@code sql} with an Arrow IPC stream registered as the view {@code name}, which DuckDB reads as it goes. */
    static void withStream(Connection connection, String name, InputStream body, String sql) throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(body, allocator);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
             Statement statement = connection.createStatement()) {
            Data.exportArrayStream(allocator, reader, stream);
            connection.unwrap(DuckDBConnection.class).registerArrowStream(name, stream);
            try {
                statement.execute(sql);
            } finally {
                statement.execute("DROP VIEW IF EXISTS " + name);
            }
        }
    }
}
