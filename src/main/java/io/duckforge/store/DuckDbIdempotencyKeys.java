package io.duckforge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code duckforge_meta.idempotency_keys}: one row per key, written with its answer when its first request ends
 * (requests in flight are held in memory). In the database file, so answers survive a restart; rows older than the
 * retention are ignored and replaced, and purged at startup.
 */
final class DuckDbIdempotencyKeys {

    private DuckDbIdempotencyKeys() {
    }

    static void createTable(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS duckforge_meta.idempotency_keys ("
                + "key VARCHAR PRIMARY KEY, "
                + "created_at TIMESTAMPTZ NOT NULL, "
                + "fingerprint VARCHAR, "
                + "status INTEGER, "
                + "content_type VARCHAR, "
                + "location VARCHAR, "
                + "etag VARCHAR, "
                + "body BLOB)");
    }

    static Optional<IdempotencyKey> find(Connection connection, String key, OffsetDateTime notBefore) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT fingerprint, status, content_type, location, etag, body"
                + " FROM duckforge_meta.idempotency_keys WHERE key = ? AND created_at >= ?")) {
            select.setString(1, key);
            select.setObject(2, notBefore);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String fingerprint = row.getString(1);
                return Optional.of(new IdempotencyKey(key, fingerprint == null ? Optional.empty() : Optional.of(
                        new IdempotentAnswer(fingerprint, row.getInt(2), row.getString(3), row.getString(4),
                                row.getString(5), row.getBytes(6)))));
            }
        }
    }

    /** A key's first answer, to be stored. */
    record Answered(String key, OffsetDateTime at, IdempotentAnswer answer) {
    }

    /**
     * Stores a batch of answers in the open transaction, replacing rows past the retention (a live one is never there:
     * its key would have been replayed).
     */
    static List<Boolean> answerAll(Connection connection, List<Answered> batch) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO duckforge_meta.idempotency_keys"
                + " (key, created_at, fingerprint, status, content_type, location, etag, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Answered answered : batch) {
                IdempotentAnswer answer = answered.answer();
                upsert.setString(1, answered.key());
                upsert.setObject(2, answered.at());
                upsert.setString(3, answer.fingerprint());
                upsert.setInt(4, answer.status());
                upsert.setString(5, answer.contentType());
                upsert.setString(6, answer.location());
                upsert.setString(7, answer.etag());
                upsert.setBytes(8, answer.body());
                upsert.executeUpdate();
            }
        }
        return Collections.nCopies(batch.size(), Boolean.TRUE);
    }

    /** Keys past the retention, and reservations that never got an answer (a fingerprint comes with the answer). */
    static long purge(Connection connection, OffsetDateTime expiredBefore) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM duckforge_meta.idempotency_keys WHERE created_at < ? OR fingerprint IS NULL")) {
            delete.setObject(1, expiredBefore);
            return delete.executeLargeUpdate();
        }
    }
}
