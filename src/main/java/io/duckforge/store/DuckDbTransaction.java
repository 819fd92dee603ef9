package io.duckforge.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An explicit DuckDB transaction on one connection. Explicit {@code BEGIN} rather than
 * {@code setAutoCommit(false)}: the JDBC driver begins lazily on the next statement, so an Appender used first
 * would write outside the transaction and survive a rollback.
 */
final class DuckDbTransaction implements AutoCloseable {

    private final Connection connection;
    private boolean open;

    private DuckDbTransaction(Connection connection) {
        this.connection = connection;
    }

    static DuckDbTransaction begin(Connection connection) throws SQLException {
        DuckDbTransaction transaction = new DuckDbTransaction(connection);
        transaction.execute("BEGIN TRANSACTION");
        transaction.open = true;
        return transaction;
    }

    void commit() throws SQLException {
        execute("COMMIT");
        open = false;
    }

    /** Rolls back unless committed; never throws, so it cannot hide the error that led here. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            execute("ROLLBACK");
        } catch (SQLException ignored) {
            // DuckDB has already aborted a transaction that failed; there is nothing left to undo.
        }
    }

    // A failed execute closes its Statement, so each command gets a fresh one.
    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
