package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * DuckDB's own memory accounting ({@code duckdb_memory()}) as the gauge {@code duckforge.duckdb.memory} with one
 * {@code tag} per component. ART indexes ({@code tag="ART_INDEX"}) live in DuckDB's buffer pool, outside the JVM
 * heap, and count against {@code memory_limit}: this is where their cost shows. One query answers every gauge of a
 * scrape; the snapshot is reused for a second.
 */
@ApplicationScoped
public class DuckDbMemoryGauges {

    private static final long SNAPSHOT_NANOS = 1_000_000_000L;
    private static final String QUERY = "SELECT tag, memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory()";

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private Map<String, long[]> snapshot = Map.of();
    private long snapshotAt;

    public DuckDbMemoryGauges(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /** After the catalog is applied (default priority 2500), so that the database file exists. */
    void register(@Observes @Priority(3000) StartupEvent event) {
        for (String tag : read().keySet()) {
            Gauge.builder("duckforge.duckdb.memory", () -> usage(tag)[0])
                    .description("Memory DuckDB holds for a component, in its buffer pool outside the JVM heap")
                    .baseUnit("bytes").tag("tag", tag).register(registry);
            Gauge.builder("duckforge.duckdb.spilled", () -> usage(tag)[1])
                    .description("Temporary storage DuckDB spilled to disk for a component")
                    .baseUnit("bytes").tag("tag", tag).register(registry);
        }
    }

    private synchronized long[] usage(String tag) {
        if (System.nanoTime() - snapshotAt > SNAPSHOT_NANOS) {
            snapshot = read();
            snapshotAt = System.nanoTime();
        }
        return snapshot.getOrDefault(tag, new long[2]);
    }

    private Map<String, long[]> read() {
        Map<String, long[]> usage = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                usage.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        } catch (SQLException e) {
            // A scrape must not fail on this; the gauges read zero until the next snapshot works.
            return Map.of();
        }
        return usage;
    }
}
