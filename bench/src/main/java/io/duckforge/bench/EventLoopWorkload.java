package io.duckforge.bench;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code event-loop}: does heavy work ever hold up the event loop? One client probes {@code /q/health/live} (answered
 * on the event loop) alone, then again while 64 clients run heavy filtered page queries (56) and 5K-row NDJSON bulk
 * ingests (8). The probe's latency under load stands beside its idle latency (the "ceiling" side), and the case name
 * carries how many Vert.x blocked-thread warnings the service logged during the run, which must be 0.
 */
final class EventLoopWorkload implements Workload {

    private static final int CLIENTS = 64;
    private static final int INGEST_CLIENTS = 8;
    private static final int BULK_ROWS = 5_000;
    private static final String BLOCKED_WARNING = "has been blocked for";

    @Override
    public String name() {
        return "event-loop";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        LoadedData data = context.loaded();
        ServiceUnderTest service = context.service();
        HttpLoad.Call probe = new HttpLoad.Call("live", KeepAliveConnection.get(service.managementPort(), "/q/health/live"), 200);
        LoadRun idle = HttpLoad.run(service.managementPort(), 1, context.settings().newRun(), random -> probe);

        String dataset = "event_loop_ingest";
        service.send(HttpRequest.newBuilder(service.uri("/api/v1/schemas")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(IngestJsonWorkload.datasetDocument(dataset))).build());
        HttpLoad.Call ingest = new HttpLoad.Call("ingest", KeepAliveConnection.post(service.port(),
                "/api/v1/records/" + dataset + "/bulk", "application/x-ndjson", ndjson(context.rows())), 201);
        List<HttpLoad.Call> queries = new ArrayList<>();
        for (PageQuery query : PageQuery.pages()) {
            queries.add(new HttpLoad.Call("query", KeepAliveConnection.get(service.port(), query.pagePath()), 200));
        }
        long warningsBefore = service.logLines(BLOCKED_WARNING);
        ExecutorService background = Executors.newFixedThreadPool(2);
        LoadRun underLoad;
        try {
            LoadRun queryRun = context.settings().newRun();
            LoadRun ingestRun = context.settings().newRun();
            Future<LoadRun> queryLoad = background.submit(() -> HttpLoad.run(service.port(), CLIENTS - INGEST_CLIENTS, queryRun,
                    random -> queries.get(random.nextInt(queries.size()))));
            Future<LoadRun> ingestLoad = background.submit(() -> HttpLoad.run(service.port(), INGEST_CLIENTS, ingestRun,
                    random -> ingest));
            underLoad = HttpLoad.run(service.managementPort(), 1, context.settings().newRun(), random -> probe);
            System.out.printf("event-loop background: %.0f queries/s, %.0f ingests/s%n",
                    queryLoad.get().results().get("query").perSecond(), ingestLoad.get().results().get("ingest").perSecond());
        } finally {
            background.shutdown();
        }
        long warnings = service.logLines(BLOCKED_WARNING) - warningsBefore;
        System.out.printf("event-loop: %d blocked-thread warnings%n", warnings);
        return List.of(context.measurement(name(), "live probe under " + CLIENTS + " heavy clients (idle beside); "
                        + warnings + " blocked-thread warnings", 1, "req/s",
                Measurement.Side.of(underLoad.results().get("live")), Measurement.Side.of(idle.results().get("live")),
                underLoad.clientCpuCores()));
    }

    private static byte[] ndjson(List<WellRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(BULK_ROWS * 400);
        for (WellRow row : rows.subList(0, Math.min(BULK_ROWS, rows.size()))) {
            out.writeBytes(row.json());
            out.write('\n');
        }
        return out.toByteArray();
    }
}
