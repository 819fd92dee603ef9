package io.duckforge.store;

import io.duckforge.schema.DatasetSchema;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A {@link BulkWrite} through DuckDB's Appender inside one explicit transaction: the fast path for many rows.
 * It holds its pooled connection until closed.
 */
final class BulkAppender implements BulkWrite {

    private final Connection connection;
    private final DuckDbTransaction transaction;
    private final DuckDBAppender appender;
    private final String schemaName;
    private final OffsetDateTime now;
    private final Runnable onClose;
    private long rows;

    /** @param onClose runs once when the write ends, committed or not (it stops the operation's timer) */
    BulkAppender(Connection connection, DatasetSchema schema, OffsetDateTime now, Runnable onClose) throws SQLException {
        this.connection = connection;
        this.schemaName = schema.name();
        this.now = now;
        this.onClose = onClose;
        DuckDbTransaction begun = null;
        try {
            begun = DuckDbTransaction.begin(connection);
            this.appender = connection.unwrap(DuckDBConnection.class).createAppender("main", schema.name());
            this.transaction = begun;
        } catch (SQLException | RuntimeException e) {
            if (begun != null) {
                begun.close();
            }
            connection.close();
            throw e;
        }
    }

    @Override
    public void append(SystemValues system, Map<String, Object> values) {
        OffsetDateTime createdAt = system.createdAt() == null ? now : system.createdAt();
        try {
            appendRow(appender, new StoredRecord(system.id() == null ? RecordIds.next() : system.id(), schemaName, values, createdAt,
                    system.updatedAt() == null ? createdAt : system.updatedAt(), system.version() == null ? 1L : system.version()));
            rows++;
        } catch (SQLException e) {
            throw SqlErrors.translate("Appending a row", e);
        }
    }

    /** One row: the record's system columns, then its property values in schema order. */
    static void appendRow(DuckDBAppender appender, StoredRecord record) throws SQLException {
        appender.beginRow()
                .append(record.id())
                .appendEpochMicros(DuckDbValues.epochMicros(record.createdAt()))
                .appendEpochMicros(DuckDbValues.epochMicros(record.updatedAt()))
                .append(record.version());
        for (Object value : record.data().values()) {
            DuckDbValues.append(appender, value);
        }
        appender.endRow();
    }

    /**
     * Flushes explicitly before committing: {@code DuckDBAppender.close()} does not report a failed flush
     * (a duplicate key, say), and a COMMIT after it would succeed having written nothing.
     */
    @Override
    public long commit() {
        try {
            appender.flush();
            appender.close();
            transaction.commit();
            return rows;
        } catch (SQLException e) {
            throw SqlErrors.translate("Committing a bulk write", e);
        }
    }

    @Override
    public void close() {
        try {
            if (!appender.isClosed()) {
                appender.close();
            }
        } catch (SQLException ignored) {
            // The transaction is rolled back below; whatever the appender still held is discarded with it.
        }
        transaction.close();
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqlErrors.translate("Returning a connection", e);
        } finally {
            onClose.run();
        }
    }
}
