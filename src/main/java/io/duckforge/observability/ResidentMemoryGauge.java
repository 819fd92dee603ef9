package io.duckforge.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code process_resident_memory_bytes}: the process's resident set (heap, DuckDB's buffer pool, Arrow and Netty
 * buffers together), which is what the container's memory limit is measured against. Micrometer has no such binder,
 * and Prometheus's own process collector would register names Micrometer already exports, so it is read here from
 * {@code /proc/self/status} (Linux only; elsewhere the gauge is absent).
 */
@ApplicationScoped
public class ResidentMemoryGauge {

    private static final Path STATUS = Path.of("/proc/self/status");

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        if (Files.isReadable(STATUS)) {
            Gauge.builder("process.resident.memory", ResidentMemoryGauge::residentBytes)
                    .description("Resident set size of the process: heap, DuckDB's memory and native buffers together")
                    .baseUnit("bytes").register(registry);
        }
    }

    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
