package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.duckforge.DuckForgeConfig;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's own hold on its DuckDB file: opened once at startup, before anything is served, and kept open for the
 * life of the process; pooled connections share its database instance. Opening replays the write-ahead log, which
 * after a crash can take minutes: here it takes as long as it takes, where a pooled connection gave up after the
 * pool's acquisition timeout (5 s) and failed the start. Settings that belong to the database, not to a connection
 * ({@code memory_limit}, {@code threads}, {@code temp_directory}) are set here once: DuckDB refuses to switch the
 * temporary directory once it has been used, so setting it on every new pooled connection failed after the first
 * spill.
 */
@ApplicationScoped
public class DuckDbDatabase {

    private static final String INVALIDATED = "database has been invalidated";

    private final Path file;
    private final AgroalDataSource dataSource;
    private final List<String> settings;
    private final Object probe = new Object();
    private volatile Connection owner;

    public DuckDbDatabase(DuckForgeConfig config, AgroalDataSource dataSource) {
        this.file = Path.of(config.duckdb().path());
        this.dataSource = dataSource;
        this.settings = settingStatements(config.duckdb());
    }

    /**
     * A connection to the same database instance, opened as the pool opens its own: DuckDB shares an open database
     * only with connections of the same URL and configuration.
     */
    static Connection connectLikeThePool(AgroalDataSource dataSource) throws SQLException {
        AgroalConnectionFactoryConfiguration factory =
                dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration();
        return DriverManager.getConnection(factory.jdbcUrl(), factory.jdbcProperties());
    }

    static List<String> settingStatements(DuckForgeConfig.DuckDb duckdb) {
        List<String> statements = new ArrayList<>();
        DuckDbMemoryLimit.of(duckdb).ifPresent(limit -> statements.add("SET memory_limit = " + DuckDbValues.literal(limit)));
        duckdb.threads().ifPresent(threads -> statements.add("SET threads = " + threads));
        duckdb.tempDirectory().ifPresent(dir -> statements.add("SET temp_directory = " + DuckDbValues.literal(dir)));
        return List.copyOf(statements);
    }

    /** Opens the file (creating its directory), replaying its write-ahead log, and applies the settings; once. */
    public synchronized void open() {
        if (owner != null) {
            return;
        }
        createDirectory();
        long walBytes = walBytes();
        long started = System.nanoTime();
        try {
            owner = connectLikeThePool(dataSource);
            try (Statement statement = owner.createStatement()) {
                for (String sql : settings) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(openFailure(e), e);
        }
        Log.infof("Opened the database %s in %d ms, replaying a write-ahead log of %,d bytes", file,
                (System.nanoTime() - started) / 1_000_000, walBytes);
    }

    /**
     * Why the database can serve nothing more until the process restarts, if so. After a fatal error (above all a
     * checkpoint that hit a full disk) DuckDB invalidates the database instance and refuses every statement on every
     * connection; only a new process recovers, from the file and its write-ahead log. Other errors (a busy pool, a
     * failed query) are not fatal and answer empty here.
     */
    public Optional<String> fatalError() {
        Connection connection = owner;
        if (connection == null) {
            return Optional.empty(); // not open yet (replaying) or closed: neither is a reason to restart
        }
        synchronized (probe) {
            try (Statement statement = connection.createStatement();
                 ResultSet ignored = statement.executeQuery("SELECT 1")) {
                return Optional.empty();
            } catch (SQLException e) {
                return String.valueOf(e.getMessage()).contains(INVALIDATED) ? Optional.of(INVALIDATED) : Optional.empty();
            }
        }
    }

    @PreDestroy
    synchronized void close() {
        if (owner == null) {
            return;
        }
        try {
            owner.close();
        } catch (SQLException e) {
            Log.warnf("Closing the database failed: %s", e.getMessage());
        }
        owner = null;
    }

    /** One line an operator can act on: above all, which process holds the file when another instance does. */
    private String openFailure(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int lock = message.indexOf("Conflicting lock is held in");
        if (lock >= 0) {
            return "The database file " + file + " is in use by another process: " + message.substring(lock).lines()
                    .findFirst().orElse("").trim();
        }
        return "Cannot open the database file " + file + ": " + message.lines().findFirst().orElse("").trim();
    }

    private long walBytes() {
        Path wal = Path.of(file + ".wal");
        try {
            return Files.isRegularFile(wal) ? Files.size(wal) : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    private void createDirectory() {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + directory, e);
        }
    }
}
