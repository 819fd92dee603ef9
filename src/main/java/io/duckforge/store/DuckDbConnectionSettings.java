package io.duckforge.store;

import io.duckforge.DuckForgeConfig;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the configured DuckDB settings to every connection the pool opens, so no connection runs with
 * DuckDB's built-in defaults. The time zone is pinned to UTC so datetimes read back the same on every host. A
 * destroyed connection's cached statements are dropped with it.
 */
@ApplicationScoped
public class DuckDbConnectionSettings implements AgroalPoolInterceptor {

    private final List<String> statements;
    private final PreparedStatementCache statementCache;

    public DuckDbConnectionSettings(DuckForgeConfig config, PreparedStatementCache statementCache) {
        this.statements = settingStatements(config.duckdb());
        this.statementCache = statementCache;
    }

    static List<String> settingStatements(DuckForgeConfig.DuckDb duckdb) {
        List<String> statements = new ArrayList<>();
        statements.add("SET TimeZone = 'UTC'");
        DuckDbMemoryLimit.of(duckdb).ifPresent(limit -> statements.add("SET memory_limit = " + DuckDbValues.literal(limit)));
        duckdb.threads().ifPresent(threads -> statements.add("SET threads = " + threads));
        duckdb.tempDirectory().ifPresent(dir -> statements.add("SET temp_directory = " + DuckDbValues.literal(dir)));
        return List.copyOf(statements);
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new StoreException("Applying DuckDB settings failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        statementCache.forget(connection);
    }
}
