package io.duckforge.bench;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * {@code worst-callers}: eight ordinary clients (reads by id, filtered pages, single creates, readiness probes) run
 * once on a calm service and once beside the {@link WorstCallers} (16 stalled uploads, 20 readers at 1 KB/s, 5
 * senders of Arrow bodies declaring 1 GiB). Each ordinary operation's figures under attack stand beside its calm
 * figures (the "ceiling" side); its errors (any answer but the expected one) must be 0. What the worst callers were
 * answered goes to {@code worst-callers.md} with the tables.
 */
final class WorstCallersWorkload implements Workload {

    private static final int CLIENTS = 8;
    private static final int STALLED_UPLOADS = 16;
    private static final int SLOW_READERS = 20;
    private static final int OVERSIZED_SENDERS = 5;
    private static final String WRITES = "worst_callers_writes";

    @Override
    public String name() {
        return "worst-callers";
    }

    @Override
    public boolean ownReport() {
        return true;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        LoadedData data = context.loaded();
        ServiceUnderTest service = context.service();
        service.send(HttpRequest.newBuilder(service.uri("/api/v1/schemas")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(IngestJsonWorkload.datasetDocument(WRITES))).build());
        Function<SplittableRandom, HttpLoad.Call> ordinary = ordinaryCalls(context, data);

        HttpLoad.run(service.port(), CLIENTS, context.settings().newRun(), ordinary); // warms both phases' code alike
        LoadRun calm = HttpLoad.run(service.port(), CLIENTS, context.settings().newRun(), ordinary);
        LoadRun underAttack;
        Map<String, Long> attackAnswers;
        double shareInUse;
        try (WorstCallers worst = WorstCallers.start(service.port(), LoadedData.DATASET,
                new String(context.rows().get(0).json()), STALLED_UPLOADS, SLOW_READERS, OVERSIZED_SENDERS)) {
            shareInUse = awaitShareTaken(service);
            underAttack = HttpLoad.run(service.port(), CLIENTS, context.settings().newRun(), ordinary);
            attackAnswers = worst.answers();
        }
        List<Measurement> results = new ArrayList<>();
        for (String operation : List.of("read", "page", "create", "ready")) {
            results.add(context.measurement(name(), operation + " under attack (calm beside)", CLIENTS, "req/s",
                    Measurement.Side.of(underAttack.results().get(operation)),
                    Measurement.Side.of(calm.results().get(operation)), underAttack.clientCpuCores()));
        }
        attackAnswers.forEach((answer, count) -> System.out.printf("worst callers: %s -> %d%n", answer, count));
        Files.writeString(context.outputDirectory().resolve("worst-callers.md"),
                WorstCallersReport.render(results, attackAnswers, shareInUse, service.peakRssMib(), context));
        return results;
    }

    private static Function<SplittableRandom, HttpLoad.Call> ordinaryCalls(BenchContext context, LoadedData data) {
        int port = context.service().port();
        List<HttpLoad.Call> reads = PointReadWorkload.readCalls(port, data.serviceIds);
        List<HttpLoad.Call> pages = PageQuery.pages().stream()
                .map(query -> new HttpLoad.Call("page", KeepAliveConnection.get(port, query.pagePath()), 200)).toList();
        List<HttpLoad.Call> creates = context.rows().subList(0, Math.min(1000, context.rows().size())).stream()
                .map(row -> new HttpLoad.Call("create", KeepAliveConnection.postJson(port, "/api/v1/records/" + WRITES,
                        row.json()), 201)).toList();
        int management = context.service().managementPort();
        HttpLoad.Call ready = new HttpLoad.Call("ready", KeepAliveConnection.get(management, "/q/health/ready"), 200, management);
        return random -> switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> reads.get(random.nextInt(reads.size()));
            case 4, 5, 6 -> pages.get(random.nextInt(pages.size()));
            case 7, 8 -> creates.get(random.nextInt(creates.size()));
            default -> ready;
        };
    }

    /** Waits until the worst callers hold the service's share for slow clients, so the attack is on when measured. */
    private static double awaitShareTaken(ServiceUnderTest service) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        double inUse = 0;
        while (System.nanoTime() < deadline) {
            inUse = service.gauge("duckforge_client_paced_connections_in_use");
            if (inUse >= 8) {
                break;
            }
            LockSupport.parkNanos(100_000_000L);
        }
        System.out.printf("worst callers hold %.0f client-paced connections%n", inUse);
        return inUse;
    }
}
