package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured DuckDB settings (see the %test profile) reach every pooled connection, also after a spill. */
@QuarkusTest
class DuckDbSettingsTest {

    private static final int CONNECTIONS = 4;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DuckDbConnectionSettings connectionSettings;


    @Test
    void everyPooledConnectionRunsWithTheConfiguredSettings() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT current_setting('memory_limit'), current_setting('threads'),"
                             + " current_setting('TimeZone'), current_setting('temp_directory')")) {
                    row.next();
                    assertThat(row.getString(1)).isEqualTo("488.2 MiB");
                    assertThat(row.getLong(2)).isEqualTo(2);
                    assertThat(row.getString(3)).isEqualTo("UTC");
                    assertThat(row.getString(4)).endsWith("target/test-db/spill");
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aConnectionOpenedAfterASpillToTheTemporaryDirectoryTakesItsSettings() throws Exception {
        // 48 MB above what the database holds already (other tests' tables and indexes): the sort must spill.
        long inUse;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet memory = statement.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
            memory.next();
            inUse = memory.getLong(1);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + (inUse + (48L << 20)) + "B'");
            try (ResultSet spilled = statement.executeQuery("SELECT max(position) FROM (SELECT row_number() OVER "
                    + "(ORDER BY md5(i::VARCHAR)) AS position FROM range(3000000) r(i))")) {
                spilled.next();
                assertThat(spilled.getLong(1)).isEqualTo(3_000_000);
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SET memory_limit = '512MB'");
            }
        }

        // What the pool does with each connection it opens; setting temp_directory again here failed after a spill.
        try (Connection fresh = DuckDbDatabase.connectLikeThePool(dataSource)) {
            connectionSettings.onConnectionCreate(fresh);
            try (Statement statement = fresh.createStatement();
                 ResultSet row = statement.executeQuery("SELECT current_setting('TimeZone'), current_setting('temp_directory'),"
                         + " current_setting('memory_limit')")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("UTC");
                assertThat(row.getString(2)).endsWith("target/test-db/spill");
                assertThat(row.getString(3)).isEqualTo("488.2 MiB");
            }
        }
    }
}
