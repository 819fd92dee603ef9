package io.duckforge.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code concurrent-write}: 1, 8, 64 and 256 clients each POSTing single records, against the service with group
 * commit (the main instance) and against a second instance started with {@code DUCKFORGE_WRITES_GROUP_COMMIT=false},
 * in the same run; then the main instance again with a fresh {@code Idempotency-Key} on every create, which costs the
 * stored answer's commit on top. Each case writes into a fresh dataset, beside a ceiling of as many JDBC connections each
 * INSERTing one row per autocommit transaction into a fresh table of the same shape.
 */
final class ConcurrentWriteWorkload implements Workload {

    static final List<Integer> CONCURRENCIES = List.of(1, 8, 64, 256);
    private static final int BODIES = 2_000;

    @Override
    public String name() {
        return "concurrent-write";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        WellRowGenerator rows = new WellRowGenerator(7, BODIES);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            bodies.add(rows.row(i).json());
        }
        List<Measurement> results = new ArrayList<>();
        try (ServiceUnderTest alone = context.startService("service-commit-each",
                Map.of("DUCKFORGE_WRITES_GROUP_COMMIT", "false"));
             RawDuckDb ceiling = new RawDuckDb(context.scratch().resolve("ceiling-writes.duckdb"))) {
            for (int concurrency : CONCURRENCIES) {
                ceiling.createWellTable();
                LoadRun ceilingRun = JdbcLoad.run(ceiling, concurrency, context.settings().newRun(), (connection, random) -> {
                    RawDuckDb.insertWell(connection, rows.row(random.nextInt(BODIES)));
                    return "write";
                });
                Measurement.Side ceilingSide = Measurement.Side.of(ceilingRun.results().get("write"));
                for (ServiceUnderTest service : List.of(context.service(), alone)) {
                    boolean coalesced = service == context.service();
                    String dataset = "writes_" + (coalesced ? "grouped" : "alone") + "_" + concurrency;
                    service.send(HttpRequest.newBuilder(service.uri("/api/v1/schemas")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(IngestJsonWorkload.datasetDocument(dataset))).build());
                    List<HttpLoad.Call> calls = new ArrayList<>();
                    for (byte[] body : bodies) {
                        calls.add(new HttpLoad.Call("write", KeepAliveConnection.postJson(service.port(),
                                "/api/v1/records/" + dataset, body), 201));
                    }
                    LoadRun serviceRun = HttpLoad.run(service.port(), concurrency, context.settings().newRun(),
                            random -> calls.get(random.nextInt(calls.size())));
                    results.add(context.measurement(name(), (coalesced ? "group commit on" : "group commit off")
                                    + ", concurrency " + concurrency, concurrency, "req/s",
                            Measurement.Side.of(serviceRun.results().get("write")), ceilingSide, serviceRun.clientCpuCores()));
                }
                results.add(keyedWrites(context, bodies, concurrency, ceilingSide));
            }
        }
        return results;
    }

    /** Creates that each carry a new key: what a client that retries safely pays. */
    private Measurement keyedWrites(BenchContext context, List<byte[]> bodies, int concurrency, Measurement.Side ceilingSide)
            throws Exception {
        ServiceUnderTest service = context.service();
        String dataset = "writes_keyed_" + concurrency;
        service.send(HttpRequest.newBuilder(service.uri("/api/v1/schemas")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(IngestJsonWorkload.datasetDocument(dataset))).build());
        AtomicLong keys = new AtomicLong();
        LoadRun run = HttpLoad.run(service.port(), concurrency, context.settings().newRun(),
                random -> new HttpLoad.Call("write", KeepAliveConnection.post(service.port(), "/api/v1/records/" + dataset,
                        "application/json", "Idempotency-Key: bench-" + concurrency + "-" + keys.incrementAndGet() + "\r\n",
                        bodies.get(random.nextInt(bodies.size()))), 201));
        return context.measurement(name(), "group commit on, Idempotency-Key, concurrency " + concurrency, concurrency,
                "req/s", Measurement.Side.of(run.results().get("write")), ceilingSide, run.clientCpuCores());
    }
}
