package io.duckforge.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Request and store latencies as Prometheus histograms with fixed buckets, so that {@code _bucket} series exist for
 * {@code histogram_quantile} in alerts and dashboards, aggregated over pods. The buckets bracket the service
 * objectives in docs/slo.md (a point read under 50 ms, a page under 250 ms) and reach a minute for bulk bodies and
 * migrations; fixed buckets keep the series per endpoint to a known few, where Micrometer's own percentile histogram
 * would add about seventy.
 */
@Singleton
public class LatencyHistograms {

    static final Set<String> HISTOGRAMS = Set.of("http.server.requests", "duckforge.store.operation");

    static final double[] BUCKETS_NANOS = Stream.of(
                    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
                    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60))
            .mapToDouble(Duration::toNanos).toArray();

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HISTOGRAMS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config);
            }
        };
    }
}
