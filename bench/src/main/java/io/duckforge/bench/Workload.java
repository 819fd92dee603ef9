package io.duckforge.bench;

import java.util.List;

/** A named workload: it measures the service and its raw-DuckDB ceiling in the same run. */
interface Workload {

    String name();

    List<Measurement> run(BenchContext context) throws Exception;
}
