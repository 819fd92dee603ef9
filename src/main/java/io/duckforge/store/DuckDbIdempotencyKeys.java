package io.duckforge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code duckforge_meta.idempotency_keys}: one row per key, reserved (no answer yet) when its request starts and
 * answered when it ends. In the database file, so keys survive a restart; rows older than the retention are ignored
 * and replaced, and purged at startup.
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

    /** @return false when the key is taken (answered or in progress) within the retention */
    static boolean reserve(Connection connection, String key, OffsetDateTime now, OffsetDateTime expiredBefore)
            throws SQLException {
        try (DuckDbTransaction transaction = DuckDbTransaction.begin(connection);
             PreparedStatement expired = connection.prepareStatement(
                     "DELETE FROM duckforge_meta.idempotency_keys WHERE key = ? AND created_at < ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO duckforge_meta.idempotency_keys (key, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            expired.setString(1, key);
            expired.setObject(2, expiredBefore);
            expired.executeUpdate();
            insert.setString(1, key);
            insert.setObject(2, now);
            boolean reserved = insert.executeUpdate() == 1;
            transaction.commit();
            return reserved;
        }
    }

    static void answer(Connection connection, String key, IdempotentAnswer answer) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE duckforge_meta.idempotency_keys"
                + " SET fingerprint = ?, status = ?, content_type = ?, location = ?, etag = ?, body = ? WHERE key = ?")) {
            update.setString(1, answer.fingerprint());
            update.setInt(2, answer.status());
            update.setString(3, answer.contentType());
            update.setString(4, answer.location());
            update.setString(5, answer.etag());
            update.setBytes(6, answer.body());
            update.setString(7, key);
            update.executeUpdate();
        }
    }

    static void release(Connection connection, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM duckforge_meta.idempotency_keys WHERE key = ? AND fingerprint IS NULL")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
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
