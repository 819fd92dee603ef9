package io.duckforge.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One closed-loop load phase: a warm-up whose samples are dropped, then a measured window. Operations report under a
 * name (e.g. {@code read}, {@code write}) so a mixed load has figures per operation. It also measures the harness
 * process's own CPU use, since the client shares the machine with the service.
 */
final class LoadRun {

    private final Map<String, LatencyRecorder> recorders = new ConcurrentHashMap<>();
    private final long measureFromNanos;
    private final long endNanos;
    private long cpuAtStart;
    private long wallAtStart;
    private long cpuAtEnd;
    private long wallAtEnd;

    LoadRun(Duration warmup, Duration measure) {
        long now = System.nanoTime();
        this.measureFromNanos = now + warmup.toNanos();
        this.endNanos = measureFromNanos + measure.toNanos();
    }

    boolean running() {
        long now = System.nanoTime();
        if (cpuAtStart == 0 && now >= measureFromNanos) {
            synchronized (this) {
                if (cpuAtStart == 0) {
                    cpuAtStart = processCpuNanos();
                    wallAtStart = now;
                }
            }
        }
        if (now >= endNanos && cpuAtEnd == 0) {
            synchronized (this) {
                if (cpuAtEnd == 0) {
                    cpuAtEnd = processCpuNanos();
                    wallAtEnd = now;
                }
            }
        }
        return now < endNanos;
    }

    /** Records an operation that started at {@code startNanos}, if it started inside the measured window. */
    void completed(String operation, long startNanos, boolean ok) {
        if (startNanos < measureFromNanos || startNanos >= endNanos) {
            return;
        }
        LatencyRecorder recorder = recorders.computeIfAbsent(operation, name -> new LatencyRecorder());
        if (ok) {
            recorder.record(System.nanoTime() - startNanos);
        } else {
            recorder.error();
        }
    }

    /** Per operation, plus {@code all} when there are several. */
    Map<String, LatencyRecorder.Latencies> results() {
        double seconds = (endNanos - measureFromNanos) / 1e9;
        Map<String, LatencyRecorder.Latencies> results = new TreeMap<>();
        recorders.forEach((name, recorder) -> results.put(name, recorder.summary(seconds)));
        return results;
    }

    /** Cores the harness process used during the measured window (the load client and nothing else runs then). */
    double clientCpuCores() {
        return (cpuAtEnd - cpuAtStart) / (double) Math.max(1, wallAtEnd - wallAtStart);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
