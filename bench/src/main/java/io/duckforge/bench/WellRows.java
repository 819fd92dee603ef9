package io.duckforge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Loads the benchmark rows from a well_production parquet file, through DuckDB's own reader. */
final class WellRows {

    private WellRows() {
    }

    static List<WellRow> fromParquet(Path parquet, int limit) throws SQLException {
        if (!Files.isReadable(parquet)) {
            throw new IllegalArgumentException("No parquet file at " + parquet.toAbsolutePath());
        }
        List<WellRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT field_code, _field_name, well_code, _well_reference, well_name,"
                     + " production_period, days_on_production, oil_production_kbd, gas_production_mmcfd,"
                     + " liquids_production_kbd, water_production_kbd, data_source, source_data, partition_0"
                     + " FROM read_parquet('" + parquet.toAbsolutePath().toString().replace("'", "''") + "') LIMIT " + limit)) {
            while (row.next()) {
                rows.add(new WellRow(
                        row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                        OffsetDateTime.parse(row.getString(6)),
                        (Long) row.getObject(7), (Double) row.getObject(8), (Double) row.getObject(9),
                        (Double) row.getObject(10), (Double) row.getObject(11),
                        row.getString(12), row.getString(13), row.getString(14)));
            }
        }
        return rows;
    }
}
