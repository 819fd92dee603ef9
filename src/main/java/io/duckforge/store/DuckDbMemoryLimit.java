package io.duckforge.store;

import io.duckforge.DuckForgeConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * DuckDB's {@code memory_limit}: the configured value, or a fraction of the container's memory limit. DuckDB's own
 * default is 80% of the host's RAM, which in a container is the node's RAM, not the pod's limit; together with the
 * JVM heap that gets the pod OOM-killed. The container limit comes from configuration (the Downward API in the
 * Kubernetes manifests) or else from the cgroup files. See docs/operations.md, "Memory", for the arithmetic.
 */
final class DuckDbMemoryLimit {

    private static final Path CGROUP_V2 = Path.of("/sys/fs/cgroup/memory.max");
    private static final Path CGROUP_V1 = Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes");
    /** cgroup v1 reports "no limit" as a number near Long.MAX_VALUE. */
    private static final long UNLIMITED_V1 = 1L << 60;

    private DuckDbMemoryLimit() {
    }

    /** @return the value for {@code SET memory_limit}, or empty for DuckDB's default */
    static Optional<String> of(DuckForgeConfig.DuckDb duckdb) {
        if (duckdb.memoryLimit().isPresent()) {
            return duckdb.memoryLimit();
        }
        if (duckdb.memoryLimitFraction().isEmpty()) {
            return Optional.empty();
        }
        OptionalLong container = duckdb.containerMemoryBytes().isPresent()
                ? OptionalLong.of(duckdb.containerMemoryBytes().get()) : cgroupLimit();
        if (container.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fractionOf(container.getAsLong(), duckdb.memoryLimitFraction().get()));
    }

    /** {@code fraction} of {@code bytes}, in whole MiB as DuckDB takes it. */
    static String fractionOf(long bytes, double fraction) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("duckforge.duckdb.memory-limit-fraction must be between 0 and 1, not " + fraction);
        }
        return (long) (bytes * fraction) / (1 << 20) + "MiB";
    }

    private static OptionalLong cgroupLimit() {
        try {
            if (Files.isReadable(CGROUP_V2)) {
                String value = Files.readString(CGROUP_V2).trim();
                return value.equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
            }
            if (Files.isReadable(CGROUP_V1)) {
                long value = Long.parseLong(Files.readString(CGROUP_V1).trim());
                return value >= UNLIMITED_V1 ? OptionalLong.empty() : OptionalLong.of(value);
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
