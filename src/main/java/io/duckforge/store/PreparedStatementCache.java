package io.duckforge.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps prepared statements per physical DuckDB connection. Preparing (parse, bind, plan) is about half the cost of a
 * primary-key read on a million rows, and the pool hands out the same few connections again and again.
 *
 * <p>A pooled connection is used by one thread at a time, so each connection's statements are too. Callers close
 * their result sets, never the statement. A statement that DuckDB closed (a failed execute closes it) is prepared anew.
 */
@ApplicationScoped
public class PreparedStatementCache {

    static final int STATEMENTS_PER_CONNECTION = 64;

    private final Map<DuckDBConnection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    PreparedStatement prepare(Connection pooled, String sql) throws SQLException {
        DuckDBConnection physical = pooled.unwrap(DuckDBConnection.class);
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(physical, key -> lruMap());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** Drops (and closes) the statements of a connection the pool destroys. */
    void forget(Connection connection) {
        try {
            Map<String, PreparedStatement> statements = byConnection.remove(connection.unwrap(DuckDBConnection.class));
            if (statements != null) {
                for (PreparedStatement statement : statements.values()) {
                    statement.close();
                }
            }
        } catch (SQLException ignored) {
            // The connection is going away; its statements go with it.
        }
    }

    private static Map<String, PreparedStatement> lruMap() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= STATEMENTS_PER_CONNECTION) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (SQLException ignored) {
                    // An evicted statement that fails to close holds nothing the connection needs.
                }
                return true;
            }
        };
    }
}
