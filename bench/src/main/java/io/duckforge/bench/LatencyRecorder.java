package io.duckforge.bench;

import java.util.Arrays;

/** Collects one operation's latencies and errors; percentiles come from the sorted samples. */
final class LatencyRecorder {

    private long[] samples = new long[4096];
    private int count;
    private long errors;

    synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized Latencies summary(double seconds) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Latencies(count, errors, count / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** Throughput in operations/s and latency percentiles in milliseconds. */
    record Latencies(long operations, long errors, double perSecond, double p50, double p95, double p99) {
    }
}
