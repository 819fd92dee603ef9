package io.duckforge.bench;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The ceiling: the same operation done directly through DuckDB JDBC in the harness process, on a table of the same
 * shape as the service's (UUID primary key, system columns, the sample schema's two ART indexes).
 */
final class RawDuckDb implements AutoCloseable {

    static final String WELL_TABLE = "CREATE TABLE well_production (id UUID PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL,"
            + " updated_at TIMESTAMPTZ NOT NULL, version BIGINT NOT NULL, field_code BIGINT NOT NULL, _field_name VARCHAR,"
            + " well_code BIGINT NOT NULL, _well_reference VARCHAR, well_name VARCHAR, production_period TIMESTAMPTZ NOT NULL,"
            + " days_on_production BIGINT, oil_production_kbd DOUBLE, gas_production_mmcfd DOUBLE,"
            + " liquids_production_kbd DOUBLE, water_production_kbd DOUBLE, data_source VARCHAR, source_data JSON,"
            + " partition_0 VARCHAR)";

    private final Connection connection;

    RawDuckDb(Path file) throws Exception {
        Files.deleteIfExists(file);
        this.connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
    }

    void createWellTable() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS well_production");
            statement.execute(WELL_TABLE);
            statement.execute("CREATE INDEX field_code_idx ON well_production (field_code)");
            statement.execute("CREATE INDEX well_code_idx ON well_production (well_code)");
        }
    }

    /** Appends the rows in one transaction, as the service's bulk path does. */
    void appendWells(List<WellRow> rows) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN TRANSACTION");
        }
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", "well_production")) {
            for (WellRow row : rows) {
                appender.beginRow().append(UUID.randomUUID()).append(now).append(now).append(1L);
                row.appendTo(appender);
                appender.endRow();
            }
            appender.flush();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT");
        }
    }

    /** One row in its own autocommit transaction, as a single POST is. */
    static void insertWell(Connection connection, WellRow row) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PreparedStatement statement = Ceiling.prepared(connection,
                "INSERT INTO well_production VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Object[] values = {UUID.randomUUID(), now, now, 1L, row.fieldCode(), row.fieldName(), row.wellCode(),
                row.wellReference(), row.wellName(), row.productionPeriod(), row.daysOnProduction(), row.oil(),
                row.gas(), row.liquids(), row.water(), row.dataSource(), row.sourceDataJson(), row.partition()};
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.execute();
    }

    /** Another connection to the same database, for a concurrent user. */
    Connection newConnection() throws SQLException {
        Connection duplicate = connection.unwrap(DuckDBConnection.class).duplicate();
        try (Statement statement = duplicate.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
        return duplicate;
    }

    String duckDbVersion() throws SQLException {
        try (Statement statement = connection.createStatement(); var row = statement.executeQuery("SELECT version()")) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
