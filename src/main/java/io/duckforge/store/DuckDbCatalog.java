package io.duckforge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog of declared datasets, kept in DuckDB itself (schema {@code duckforge_meta}; not {@code duckforge}, which would be ambiguous with a file named duckforge.duckdb) so that a restart finds
 * every dataset, including those declared through the API, and never re-applies one.
 */
final class DuckDbCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DuckDbCatalog() {
    }

    static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS duckforge_meta");
            statement.execute("CREATE TABLE IF NOT EXISTS duckforge_meta.datasets ("
                    + "name VARCHAR PRIMARY KEY, "
                    + "version INTEGER NOT NULL, "
                    + "definition JSON NOT NULL, "
                    + "source VARCHAR NOT NULL, "
                    + "created_at TIMESTAMPTZ NOT NULL)");
            DuckDbIdempotencyKeys.createTable(statement);
        }
    }

    static List<DatasetSchema> readAll(Connection connection) throws SQLException {
        List<DatasetSchema> schemas = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT definition FROM duckforge_meta.datasets ORDER BY name")) {
            while (rows.next()) {
                schemas.add(SchemaReader.read(JSON.readTree(rows.getString(1))));
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("The catalog holds a definition that is not JSON", e);
        }
        return schemas;
    }

    static boolean contains(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM duckforge_meta.datasets WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void insert(Connection connection, DatasetSchema schema, String source, OffsetDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO duckforge_meta.datasets (name, version, definition, source, created_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, schema.name());
            statement.setInt(2, schema.version());
            statement.setString(3, JSON.writeValueAsString(schema));
            statement.setString(4, source);
            statement.setObject(5, now);
            statement.execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A schema always serialises", e);
        }
    }
}
