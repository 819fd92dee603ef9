package io.duckforge.bench;

import java.time.Duration;
import java.util.List;

/** How long each load case warms up and measures, and at which concurrencies the concurrent workloads run. */
record LoadSettings(long warmupSeconds, long measureSeconds, List<Integer> concurrencies, int writePercent) {

    LoadRun newRun() {
        return new LoadRun(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(measureSeconds));
    }
}
