package io.duckforge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
            statement.execute("CREATE TABLE IF NOT EXISTS duckforge_meta.migrations ("
                    + "dataset VARCHAR NOT NULL, "
                    + "version INTEGER NOT NULL, "
                    + "changes JSON NOT NULL, "
                    + "applied_by VARCHAR NOT NULL, "
                    + "applied_at TIMESTAMPTZ NOT NULL, "
                    + "duration_ms BIGINT NOT NULL, "
                    + "rows_touched BIGINT NOT NULL, "
                    + "strategy VARCHAR NOT NULL, "
                    + "PRIMARY KEY (dataset, version))");
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
            statement.setString(3, json(schema));
            statement.setString(4, source);
            statement.setObject(5, now);
            statement.execute();
        }
    }

    /** Replaces a migrated dataset's definition and version. */
    static void update(Connection connection, DatasetSchema schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE duckforge_meta.datasets SET version = ?, definition = ? WHERE name = ?")) {
            statement.setInt(1, schema.version());
            statement.setString(2, json(schema));
            statement.setString(3, schema.name());
            statement.execute();
        }
    }

    /** Forgets a dropped dataset: its definition and its migration history. */
    static void delete(Connection connection, String name) throws SQLException {
        for (String table : List.of("duckforge_meta.datasets WHERE name = ?", "duckforge_meta.migrations WHERE dataset = ?")) {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table)) {
                statement.setString(1, name);
                statement.execute();
            }
        }
    }

    static void recordMigration(Connection connection, MigrationRecord record) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO duckforge_meta.migrations "
                + "(dataset, version, changes, applied_by, applied_at, duration_ms, rows_touched, strategy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, record.dataset());
            statement.setInt(2, record.version());
            statement.setString(3, record.changes().toString());
            statement.setString(4, record.appliedBy());
            statement.setObject(5, record.appliedAt());
            statement.setLong(6, record.durationMs());
            statement.setLong(7, record.rowsTouched());
            statement.setString(8, record.strategy());
            statement.execute();
        }
    }

    static List<MigrationRecord> migrations(Connection connection, String dataset) throws SQLException {
        List<MigrationRecord> records = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT version, changes, applied_by, applied_at, "
                + "duration_ms, rows_touched, strategy FROM duckforge_meta.migrations WHERE dataset = ? ORDER BY version")) {
            statement.setString(1, dataset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(new MigrationRecord(dataset, rows.getInt(1), JSON.readTree(rows.getString(2)), rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rows.getLong(5),
                            rows.getLong(6), rows.getString(7)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("The migration history holds changes that are not JSON", e);
        }
        return records;
    }

    static JsonNode toJson(Object value) {
        return JSON.valueToTree(value);
    }

    private static String json(DatasetSchema schema) {
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A schema always serialises", e);
        }
    }
}
