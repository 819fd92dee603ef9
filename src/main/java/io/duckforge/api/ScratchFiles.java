package io.duckforge.api;

import io.duckforge.DuckForgeConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary files for bodies DuckDB reads or writes whole (Parquet), in a directory of this database's own under
 * DuckDB's temporary directory when one is configured (it is sized for spilling), else the JVM's. Being the
 * database's own, it can be emptied at startup of what a killed process left.
 */
@ApplicationScoped
public class ScratchFiles {

    private final Path directory;

    public ScratchFiles(DuckForgeConfig config) {
        Path base = Path.of(config.duckdb().tempDirectory().orElse(System.getProperty("java.io.tmpdir")));
        String database = Path.of(config.duckdb().path()).toAbsolutePath().normalize().toString();
        this.directory = base.resolve("duckforge-scratch-" + Integer.toHexString(database.hashCode()));
    }

    /** The directory; nothing but this service's scratch files are in it. */
    public Path directory() {
        return directory;
    }

    Path create(String prefix, String suffix) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, prefix, suffix);
    }
}
