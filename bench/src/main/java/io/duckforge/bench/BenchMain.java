package io.duckforge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the chosen workloads against the packaged service, which it starts on its own temporary DuckDB file, and
 * writes the report. See {@link #USAGE}.
 */
public final class BenchMain {

    static final String USAGE = """
            --workloads a,b     workloads to run (default: all but indexing, which writes its own report): %s
            --rows N            rows of generated well_production data (default 1000000)
            --parquet FILE      take the rows from a well_production parquet file instead (at most --rows)
            --heap SIZE         the service's -Xmx (default 512m)
            --warmup SECONDS    warm-up per load case (default 5)
            --measure SECONDS   measured window per load case (default 5)
            --concurrency LIST  concurrencies of point-read and mixed (default 1,8,64)
            --write-percent N   writes in the mixed workload (default 10)
            --jar FILE          the packaged service (default target/quarkus-app/quarkus-run.jar)
            --out DIR           where the report goes (default docs/benchmarks)
            --index-sizes LIST  table sizes of the indexing workload (default 1000000,10000000)
            --aggregate-sizes LIST  table sizes of the aggregate workload (default 1000000,10000000)
            --lookup-sizes LIST table sizes of the lookup workload (default 1000000,10000000)""";

    private static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

    static {
        for (Workload workload : List.of(new IngestJsonWorkload(), new PointReadWorkload(), FilteredPageWorkload.pages(),
                FilteredPageWorkload.counts(), new MixedWorkload(), StreamWorkload.ndjson(), StreamWorkload.csv(),
                StreamWorkload.parquet(), StreamWorkload.arrow(),
                IngestFormatWorkload.ndjson(), IngestFormatWorkload.csv(), IngestFormatWorkload.parquet(),
                IngestFormatWorkload.arrow(), new ConcurrentWriteWorkload(), new EventLoopWorkload(), new IndexingWorkload(), new WorstCallersWorkload(), new WalReplayWorkload(), new AuthCostWorkload(), new AggregateWorkload(), LookupWorkload.lookups(),
                LookupWorkload.deepPages())) {
            WORKLOADS.put(workload.name(), workload);
        }
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> options = options(args);
        int rowCount = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        String heap = options.getOrDefault("heap", "512m");
        Path jar = Path.of(options.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar"));
        Path out = Path.of(options.getOrDefault("out", "docs/benchmarks"));
        List<Workload> selected = selected(options.getOrDefault("workloads", String.join(",",
                WORKLOADS.values().stream().filter(workload -> !workload.ownReport()).map(Workload::name).toList())));
        LoadSettings settings = new LoadSettings(
                Long.parseLong(options.getOrDefault("warmup", "5")),
                Long.parseLong(options.getOrDefault("measure", "5")),
                Arrays.stream(options.getOrDefault("concurrency", "1,8,64").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                Integer.parseInt(options.getOrDefault("write-percent", "10")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged service at " + jar + "; run ./mvnw -B package -DskipTests first");
        }

        List<WellRow> rows;
        String dataSource;
        if (options.containsKey("parquet")) {
            Path parquet = Path.of(options.get("parquet"));
            rows = WellRows.fromParquet(parquet, rowCount);
            dataSource = parquet.getFileName().toString();
        } else {
            rows = new WellRowGenerator(1, rowCount).rows(rowCount);
            dataSource = "the generator (seed 1)";
        }
        Path scratch = Files.createTempDirectory("duckforge-bench");
        String duckDbVersion;
        try (RawDuckDb raw = new RawDuckDb(scratch.resolve("version.duckdb"))) {
            duckDbVersion = raw.duckDbVersion();
        }
        List<Measurement> measurements = new ArrayList<>();
        BenchContext context = null;
        try (ServiceUnderTest service = ServiceUnderTest.start(jar, scratch.resolve("service"), heap)) {
            context = new BenchContext(service, (name, ownHeap, extra) -> ServiceUnderTest.start(jar, scratch.resolve(name), ownHeap == null ? heap : ownHeap, extra),
                    rows, scratch, settings, out, options);
            for (Workload workload : selected) {
                System.out.println("== " + workload.name());
                measurements.addAll(workload.run(context));
            }
        } finally {
            if (context != null) {
                context.close();
            }
        }
        if (selected.stream().allMatch(Workload::ownReport)) {
            System.out.println("Reports written to " + out);
            return;
        }
        RunInfo run = RunInfo.collect(duckDbVersion, heap, rows.size(), dataSource, settings);
        new ReportWriter(out).write(run, measurements);
        System.out.println("Report written to " + out.resolve("README.md"));
    }

    static String workloadNames() {
        return String.join(", ", WORKLOADS.keySet());
    }

    static void print(Measurement m) {
        System.out.printf("%-14s %-42s service %,10.0f %s (p50 %.2f p99 %.2f ms, errors %d)  ceiling %,10.0f (p50 %.2f p99 %.2f)  ratio %.2f%n",
                m.workload(), m.caseName(), m.service().throughput(), m.unit(), m.service().p50(), m.service().p99(),
                m.service().errors(), m.ceiling().throughput(), m.ceiling().p50(), m.ceiling().p99(), m.ratio());
    }

    private static List<Workload> selected(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).map(name -> {
            Workload workload = WORKLOADS.get(name);
            if (workload == null) {
                throw new IllegalArgumentException("Unknown workload '" + name + "'; known: " + WORKLOADS.keySet());
            }
            return workload;
        }).toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs:\n" + USAGE.formatted(WORKLOADS.keySet()));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
