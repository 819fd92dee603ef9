package io.duckforge.store;

import io.duckforge.DuckForgeConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free space where the database file and its write-ahead log grow. When DuckDB cannot write a checkpoint it
 * invalidates the database, and every request fails until a restart; refusing writes while space is short keeps the
 * database whole and reads served.
 */
@ApplicationScoped
public class DiskSpace {

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path directory;
    private final long minFreeBytes;
    private volatile long freeBytes = Long.MAX_VALUE;
    private volatile long checkedAt;

    public DiskSpace(DuckForgeConfig config, MeterRegistry registry) {
        this.directory = Path.of(config.duckdb().path()).toAbsolutePath().getParent();
        this.minFreeBytes = config.duckdb().minFreeDiskBytes();
        Gauge.builder("duckforge_disk_free_bytes", this, DiskSpace::freeBytes)
                .description("Bytes free on the file system of the database file").register(registry);
    }

    /** @throws ResourceExhaustedException (507) while less than {@code duckforge.duckdb.min-free-disk-bytes} is free */
    public void requireRoomToWrite() {
        if (freeBytes() < minFreeBytes) {
            throw new ResourceExhaustedException(ResourceExhaustedException.Resource.DISK, null);
        }
    }

    /** Checked at most once a second: a write path must not pay a file-system call per request. */
    double freeBytes() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            try {
                freeBytes = Files.getFileStore(Files.exists(directory) ? directory : Path.of(".")).getUsableSpace();
            } catch (IOException e) {
                freeBytes = Long.MAX_VALUE; // unknown: let DuckDB be the judge
            }
            checkedAt = now;
        }
        return freeBytes;
    }
}
