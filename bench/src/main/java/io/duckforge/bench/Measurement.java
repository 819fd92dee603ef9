package io.duckforge.bench;

/**
 * One line of a workload's table: the service beside its ceiling, the harness's own CPU use, and the service's memory
 * after the case ran. Throughput is in {@code unit} (rows/s, requests/s); latencies in milliseconds (0: not measured).
 */
record Measurement(String workload, String caseName, int concurrency, String unit, Side service, Side ceiling,
                   double clientCpuCores, long peakRssMib, long heapUsedMib) {

    double ratio() {
        return ceiling.throughput() == 0 ? 0 : service.throughput() / ceiling.throughput();
    }

    /** One side of the comparison. */
    record Side(double throughput, double p50, double p95, double p99, long errors) {

        static Side of(LatencyRecorder.Latencies latencies) {
            return new Side(latencies.perSecond(), latencies.p50(), latencies.p95(), latencies.p99(), latencies.errors());
        }

        static Side throughputOnly(double throughput) {
            return new Side(throughput, 0, 0, 0, 0);
        }
    }
}
