package io.duckforge.store;

import java.sql.SQLException;

/** Translates DuckDB's SQL errors, which arrive as plain {@link SQLException}s, into the service's exceptions. */
final class SqlErrors {

    /**
     * What the JDBC driver reports, instead of DuckDB's own message, when a query with a streamed result fails while it
     * runs (jdbc_stream_results: streams and pages). The service's queries are built from validated input, so what
     * fails them while running is a resource; measured, it is memory (a sort of every row beyond
     * {@code memory_limit}, where the same query without streaming says "Out of Memory Error").
     */
    private static final String STREAMED_QUERY_FAILED = "Invalid result set";

    private SqlErrors() {
    }

    static RuntimeException translate(String action, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Duplicate key") || message.contains("constraint violation: duplicate key")) {
            return new UniqueViolationException(conflictDetail(message), e);
        }
        if (message.contains("acquisition timeout")) {
            // Agroal's answer when every pooled connection stayed busy for the whole acquisition timeout.
            return new OverloadedException("Every database connection is busy; retry shortly");
        }
        if (message.contains("database has been invalidated")) {
            return new DatabaseFailedException(e);
        }
        if (message.contains("Out of Memory Error") || message.contains("failed to pin block")
                || message.contains("could not allocate") || message.contains(STREAMED_QUERY_FAILED)) {
            return new ResourceExhaustedException(ResourceExhaustedException.Resource.MEMORY, e);
        }
        if (message.contains("No space left on device") || message.contains("max_temp_directory_size")) {
            return new ResourceExhaustedException(ResourceExhaustedException.Resource.DISK, e);
        }
        if (isTransactionConflict(e)) {
            return new WriteConflictException("Concurrent writers changed the same rows; retry the request", e);
        }
        return new StoreException(action + " failed", e);
    }

    /** DuckDB's optimistic concurrency control refuses the second of two transactions that change one row. */
    static boolean isTransactionConflict(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Conflict on") || message.contains("Transaction conflict")
                || message.contains("write-write conflict");
    }

    // DuckDB names the key and value ("Duplicate key \"code: A1\" violates unique constraint"); keep that part only.
    private static String conflictDetail(String message) {
        int start = message.indexOf("uplicate key");
        return start < 0 ? "A unique value is already taken" : "D" + message.substring(start).lines().findFirst().orElse("");
    }
}
