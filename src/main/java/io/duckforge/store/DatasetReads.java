package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.duckforge.query.SqlQuery;
import io.duckforge.schema.DatasetSchema;
import io.vertx.core.Context;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the reads that hand a whole result on (streams, exports, aggregates) the way every request uses a dataset: on a
 * worker thread, inside the dataset's gate, timed and traced as a store operation, with engine errors translated.
 */
@Singleton
class DatasetReads {

    @FunctionalInterface
    interface ResultConsumer {
        long consume(ResultSet result) throws SQLException, IOException;
    }

    private final AgroalDataSource dataSource;
    private final DatasetGate gate;
    private final StoreOperations operations;
    private final PreparedStatementCache statements;

    DatasetReads(AgroalDataSource dataSource, DatasetGate gate, StoreOperations operations, PreparedStatementCache statements) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.operations = operations;
        this.statements = statements;
    }

    /**
     * Every row's first column, a rendered line, held: for a query whose limit bounds its size. Through the statement
     * cache, since nothing cancels such a query midway; preparing costs about a millisecond.
     */
    List<byte[]> lines(String operation, DatasetSchema schema, SqlQuery sql) {
        requireWorkerThread();
        try (StoreOperations.Measured measured = operations.start(operation, schema.name());
             DatasetGate.Pass pass = gate.enter(schema)) {
            try (Connection connection = dataSource.getConnection()) {
                PreparedStatement statement = statements.prepare(connection, sql.sql());
                DuckDbValues.bind(statement, sql.parameters());
                List<byte[]> lines = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        lines.add(result.getBytes(1));
                    }
                }
                return lines;
            } catch (SQLException e) {
                measured.failed(e);
                throw SqlErrors.translate(operation + " on '" + schema.name() + "'", e);
            }
        }
    }

    /** Copies the first column of each row, a rendered line, into {@code sink}. */
    long streamLines(String operation, DatasetSchema schema, SqlQuery sql, LineSink sink) throws IOException {
        return stream(operation, schema, sql, result -> {
            long rows = 0;
            while (result.next()) {
                sink.accept(result.getBytes(1));
                rows++;
            }
            return rows;
        });
    }

    /**
     * Runs a query and hands its streaming result to {@code consumer}; if the consumer fails (a client gone), the query
     * is cancelled before the connection goes back to the pool. Not through the statement cache: a stream's statement
     * may be cancelled, and it lives as long as the client reads.
     */
    long stream(String operation, DatasetSchema schema, SqlQuery sql, ResultConsumer consumer) throws IOException {
        requireWorkerThread();
        StoreOperations.Measured measured = operations.start(operation, schema.name());
        try (DatasetGate.Pass pass = gate.enter(schema);
             Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            DuckDbValues.bind(statement, sql.parameters());
            try (ResultSet result = statement.executeQuery()) {
                return consumer.consume(result);
            } catch (IOException | RuntimeException e) {
                statement.cancel();
                throw e;
            }
        } catch (SQLException e) {
            measured.failed(e);
            throw SqlErrors.translate(operation + " on '" + schema.name() + "'", e);
        } finally {
            measured.close();
        }
    }

    /**
     * Writes the rows of {@code select} to a Parquet file through DuckDB's own writer.
     *
     * @return the number of rows written
     */
    long copyToParquet(String operation, DatasetSchema schema, SqlQuery select, Path target) {
        requireWorkerThread();
        // COPY takes the target as a literal; the path is the service's own temporary file, never client input.
        String sql = "COPY (" + select.sql() + ") TO " + DuckDbValues.literal(target) + " (FORMAT parquet)";
        try (StoreOperations.Measured measured = operations.start(operation, schema.name());
             DatasetGate.Pass pass = gate.enter(schema)) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                DuckDbValues.bind(statement, select.parameters());
                return statement.executeLargeUpdate();
            } catch (SQLException e) {
                measured.failed(e);
                throw SqlErrors.translate(operation + " on '" + schema.name() + "'", e);
            }
        }
    }

    // JDBC blocks; on a Vert.x event loop it would stall every connection that loop serves. Fail loudly instead.
    static void requireWorkerThread() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("JDBC called on a Vert.x event loop thread: " + Thread.currentThread().getName());
        }
    }
}
