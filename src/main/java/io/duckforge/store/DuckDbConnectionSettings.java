package io.duckforge.store;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Pins every pooled connection's time zone to UTC, so datetimes read back the same on every host; the database's own
 * settings are set once by {@link DuckDbDatabase}. A destroyed connection's cached statements are dropped with it.
 */
@ApplicationScoped
public class DuckDbConnectionSettings implements AgroalPoolInterceptor {

    private final PreparedStatementCache statementCache;

    public DuckDbConnectionSettings(PreparedStatementCache statementCache) {
        this.statementCache = statementCache;
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            throw new StoreException("Applying DuckDB settings failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        statementCache.forget(connection);
    }
}
