package io.duckforge.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a ceiling query the fastest plain-JDBC way: a prepared statement kept per connection and SQL text, bound
 * parameters, every column of every row read (the service materialises every value too).
 */
final class Ceiling {

    private static final Map<Connection, Map<String, PreparedStatement>> STATEMENTS = new ConcurrentHashMap<>();

    private Ceiling() {
    }

    static int query(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = prepared(connection, sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
        }
        return rows;
    }

    /** The first column of every row, read as {@link #query} reads every column. */
    static List<Object> firstColumn(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = prepared(connection, sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        List<Object> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getObject(1));
            }
        }
        return values;
    }

    static PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = STATEMENTS.computeIfAbsent(connection, key -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Forgets a connection's statements when the connection closes. */
    static void forget(Connection connection) {
        STATEMENTS.remove(connection);
    }
}
