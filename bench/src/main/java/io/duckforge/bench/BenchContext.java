package io.duckforge.bench;

import java.nio.file.Path;
import java.util.List;

/** What every workload shares: the running service, the rows, and a scratch directory for ceiling databases. */
record BenchContext(ServiceUnderTest service, List<WellRow> rows, Path scratch) {
}
