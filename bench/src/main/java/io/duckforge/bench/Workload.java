package io.duckforge.bench;

import java.util.List;

/** A named workload: it measures the service and its raw-DuckDB ceiling in the same run. */
interface Workload {

    String name();

    List<Measurement> run(BenchContext context) throws Exception;

    /** Whether the workload writes a report of its own (then it is left out of the main report and the default run). */
    default boolean ownReport() {
        return false;
    }
}
