package io.duckforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code aggregate}: questions answered server-side, on 1M and 10M generated well_production rows. Each case runs
 * through the service (over HTTP, every group read by the client), as the same SQL on raw DuckDB JDBC (the ceiling),
 * and as the SQL a PostgreSQL user would write, on PostgreSQL queried directly over JDBC with its indexes, both the
 * {@link Ceiling} way (a statement prepared once per connection, every value read): the engine
 * PostgREST, Hasura and Directus run such questions on, without their HTTP layer. Times are medians of several runs,
 * after unmeasured ones. The service runs with a 128 MiB heap throughout; a last case groups by id (one group per
 * record) and streams every group, to show the heap stays bounded. Writes {@code aggregates-results.md},
 * {@code aggregates.json} and {@code aggregates.png}.
 */
final class AggregateWorkload implements Workload {

    static final String HEAP = "128m";
    private static final int RUNS = 7;
    private static final int WARMUP_RUNS = 3;
    private static final int POSTGRES_RUNS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int rows, String query, long groups, double serviceMs, double ceilingMs, Double postgresMs,
                  long serviceRssMib, long serviceHeapMib) {
    }

    @Override
    public String name() {
        return "aggregate";
    }

    @Override
    public boolean ownReport() {
        return true;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        List<Integer> sizes = context.sizes("aggregate-sizes");
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Result> results = new ArrayList<>();
        try (ServiceUnderTest service = context.startService("service-aggregate", HEAP, Map.of(
                "DUCKFORGE_BULK_MAX_ROWS", Integer.toString(largest),
                "DUCKFORGE_BULK_MAX_BODY_BYTES", Long.toString(16L << 30)));
             PostgresServer postgres = PostgresServer.start()) {
            for (int size : sizes) {
                Path parquet = AggregateData.parquet(context.scratch(), size);
                String dataset = "aggregate_" + size;
                AggregateData.loadService(service, dataset, parquet);
                AggregateData.loadPostgres(postgres, context.scratch(), parquet);
                try (RawDuckDb ceiling = AggregateData.loadCeiling(context.scratch().resolve("aggregate-" + size + ".duckdb"), parquet);
                     Connection duck = ceiling.newConnection();
                     Connection pg = postgres.connect()) {
                    Files.deleteIfExists(parquet);
                    for (AggregateCase question : AggregateCase.all()) {
                        results.add(measure(service, dataset, size, question, duck, pg));
                    }
                    results.add(measure(service, dataset, size, AggregateCase.groupById(), duck, null));
                    Ceiling.forget(duck);
                    Ceiling.forget(pg);
                }
            }
            new AggregateReport(context.outputDirectory()).write(results, postgres.version(), HEAP);
        }
        return List.of();
    }

    private static Result measure(ServiceUnderTest service, String dataset, int size, AggregateCase question,
                                  Connection duck, Connection pg) throws Exception {
        long[] groups = new long[3];
        byte[] request = KeepAliveConnection.get(service.port(), question.path(dataset));
        double serviceMs;
        try (KeepAliveConnection connection = new KeepAliveConnection(service.port())) {
            serviceMs = median(WARMUP_RUNS, RUNS, () -> groups[0] = serviceGroups(connection, request, question.format()));
        }
        double ceilingMs = median(WARMUP_RUNS, RUNS, () -> groups[1] = Ceiling.query(duck, question.duckDbSql(), question.parameters()));
        Double postgresMs = pg == null ? null : median(1, POSTGRES_RUNS,
                () -> groups[2] = Ceiling.query(pg, question.postgresSql(), question.parameters()));
        if (groups[0] != groups[1] || (pg != null && groups[1] != groups[2])) {
            throw new IllegalStateException("aggregate: '" + question.name() + "' gave " + groups[0] + " groups through the service, "
                    + groups[1] + " on DuckDB and " + groups[2] + " on PostgreSQL");
        }
        Result result = new Result(size, question.name(), groups[1], serviceMs, ceilingMs, postgresMs, service.peakRssMib(),
                service.heapUsedMib());
        System.out.printf(Locale.ROOT, "aggregate %,d rows, %s: %,d groups, service %.1f ms, DuckDB %.1f ms (%.2f), PostgreSQL %s%n",
                size, question.name(), result.groups(), serviceMs, ceilingMs, ceilingMs / serviceMs,
                postgresMs == null ? "-" : String.format(Locale.ROOT, "%.1f ms (%.1fx)", postgresMs, postgresMs / serviceMs));
        return result;
    }

    /**
     * The groups the service sent, each read by the client: NDJSON lines, or the JSON answer's groups plus the one
     * {@code truncated} stands for (the ceiling reads that one too, as the service asks for it). Over
     * {@link KeepAliveConnection}: the JDK's HttpClient costs more CPU per byte than the service on these two cores.
     */
    private static long serviceGroups(KeepAliveConnection connection, byte[] request, String format) throws Exception {
        long[] lines = new long[1];
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        int status = connection.exchange(request, (buffer, length) -> {
            if (format.equals("json")) {
                json.write(buffer, 0, length);
                return;
            }
            for (int i = 0; i < length; i++) {
                if (buffer[i] == '\n') {
                    lines[0]++;
                }
            }
        });
        if (status != 200) {
            throw new IllegalStateException("aggregate: the service answered HTTP " + status + ": " + json);
        }
        if (format.equals("json")) {
            JsonNode answer = JSON.readTree(json.toByteArray());
            return answer.get("groups").size() + (answer.get("truncated").booleanValue() ? 1 : 0);
        }
        return lines[0];
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    /** Median wall time in ms of {@code runs} runs, after {@code warmups} unmeasured ones. */
    private static double median(int warmups, int runs, Run run) throws Exception {
        for (int i = 0; i < warmups; i++) {
            run.run();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
