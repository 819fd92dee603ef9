package io.duckforge.api;

import io.duckforge.DuckForgeConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary files for bodies DuckDB reads or writes whole (Parquet), in DuckDB's temporary directory when one is
 * configured (it is sized for spilling), else the JVM's.
 */
@ApplicationScoped
public class ScratchFiles {

    private final Path directory;

    public ScratchFiles(DuckForgeConfig config) {
        this.directory = Path.of(config.duckdb().tempDirectory().orElse(System.getProperty("java.io.tmpdir")));
    }

    Path create(String prefix, String suffix) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, prefix, suffix);
    }
}
