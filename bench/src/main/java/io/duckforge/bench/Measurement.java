package io.duckforge.bench;

/**
 * One line of a workload's table: the service's throughput beside the ceiling's, with the service's memory after
 * the case ran. Throughput is in the workload's unit (rows/s, requests/s).
 */
record Measurement(String workload, String caseName, String unit, double service, double ceiling,
                   long peakRssMib, long heapUsedMib) {

    double ratio() {
        return ceiling == 0 ? 0 : service / ceiling;
    }
}
