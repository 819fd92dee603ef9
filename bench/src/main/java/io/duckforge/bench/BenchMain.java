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
 * writes the report. Arguments: {@code --workloads a,b --parquet FILE --rows N --heap 512m --jar JAR --out DIR}.
 */
public final class BenchMain {

    private static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

    static {
        for (Workload workload : List.of(new IngestJsonWorkload())) {
            WORKLOADS.put(workload.name(), workload);
        }
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path parquet = Path.of(options.getOrDefault("parquet", "../shared/data/well_production_100k.parquet"));
        int rowLimit = Integer.parseInt(options.getOrDefault("rows", "100000"));
        String heap = options.getOrDefault("heap", "512m");
        Path jar = Path.of(options.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar"));
        Path out = Path.of(options.getOrDefault("out", "docs/benchmarks"));
        List<Workload> selected = selected(options.getOrDefault("workloads", String.join(",", WORKLOADS.keySet())));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged service at " + jar + "; run ./mvnw -B package -DskipTests first");
        }

        List<WellRow> rows = WellRows.fromParquet(parquet, rowLimit);
        Path scratch = Files.createTempDirectory("duckforge-bench");
        String duckDbVersion;
        try (RawDuckDb raw = new RawDuckDb(scratch.resolve("version.duckdb"))) {
            duckDbVersion = raw.duckDbVersion();
        }
        List<Measurement> measurements = new ArrayList<>();
        try (ServiceUnderTest service = ServiceUnderTest.start(jar, scratch.resolve("service"), heap)) {
            BenchContext context = new BenchContext(service, rows, scratch);
            for (Workload workload : selected) {
                System.out.println("== " + workload.name());
                measurements.addAll(workload.run(context));
            }
        }
        new ReportWriter(out).write(RunInfo.collect(duckDbVersion, heap, rows.size(), parquet.getFileName().toString()), measurements);
        System.out.println("Report written to " + out.resolve("README.md"));
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
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
