package io.duckforge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code mixed}: point reads and single-record writes in a configurable ratio (default 90/10) at each concurrency;
 * figures per operation and the error count, which must be 0. The ceiling does the same reads and single-row INSERTs
 * on its own connections.
 */
final class MixedWorkload implements Workload {

    private static final int WRITE_BODIES = 2_000;

    @Override
    public String name() {
        return "mixed";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        LoadedData data = context.loaded();
        ServiceUnderTest service = context.service();
        int writePercent = context.settings().writePercent();
        WellRowGenerator writes = new WellRowGenerator(99, data.rows);
        List<HttpLoad.Call> reads = PointReadWorkload.readCalls(service.port(), data.serviceIds);
        List<HttpLoad.Call> writeCalls = new ArrayList<>();
        for (int i = 0; i < WRITE_BODIES; i++) {
            writeCalls.add(new HttpLoad.Call("write", KeepAliveConnection.postJson(service.port(),
                    "/api/v1/records/" + LoadedData.DATASET, writes.row(i).json()), 201));
        }
        List<Measurement> results = new ArrayList<>();
        for (int concurrency : context.settings().concurrencies()) {
            LoadRun serviceRun = HttpLoad.run(service.port(), concurrency, context.settings().newRun(), random ->
                    random.nextInt(100) < writePercent
                            ? writeCalls.get(random.nextInt(writeCalls.size()))
                            : reads.get(random.nextInt(reads.size())));
            LoadRun ceilingRun = JdbcLoad.run(data.ceiling, concurrency, context.settings().newRun(), (connection, random) -> {
                if (random.nextInt(100) < writePercent) {
                    RawDuckDb.insertWell(connection, writes.row(random.nextInt(WRITE_BODIES)));
                    return "write";
                }
                UUID id = data.ceilingIds.get(random.nextInt(data.ceilingIds.size()));
                Ceiling.query(connection, "SELECT * FROM well_production WHERE id = ?", List.of(id));
                return "read";
            });
            Map<String, LatencyRecorder.Latencies> serviceResults = serviceRun.results();
            Map<String, LatencyRecorder.Latencies> ceilingResults = ceilingRun.results();
            for (String operation : List.of("read", "write")) {
                if (!serviceResults.containsKey(operation) || !ceilingResults.containsKey(operation)) {
                    continue;
                }
                Measurement measurement = context.measurement(name(), operation + ", concurrency " + concurrency,
                        concurrency, "req/s", Measurement.Side.of(serviceResults.get(operation)),
                        Measurement.Side.of(ceilingResults.get(operation)), serviceRun.clientCpuCores());
                results.add(measurement);
            }
        }
        return results;
    }
}
