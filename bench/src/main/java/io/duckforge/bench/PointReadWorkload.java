package io.duckforge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code point-read}: GET one record by id at each concurrency; the ceiling selects it by primary key. */
final class PointReadWorkload implements Workload {

    @Override
    public String name() {
        return "point-read";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        LoadedData data = context.loaded();
        ServiceUnderTest service = context.service();
        List<HttpLoad.Call> reads = readCalls(service.port(), data.serviceIds);
        List<Measurement> results = new ArrayList<>();
        for (int concurrency : context.settings().concurrencies()) {
            LoadRun serviceRun = HttpLoad.run(service.port(), concurrency, context.settings().newRun(),
                    random -> reads.get(random.nextInt(reads.size())));
            LoadRun ceilingRun = JdbcLoad.run(data.ceiling, concurrency, context.settings().newRun(), (connection, random) -> {
                UUID id = data.ceilingIds.get(random.nextInt(data.ceilingIds.size()));
                Ceiling.query(connection, "SELECT * FROM well_production WHERE id = ?", List.of(id));
                return "read";
            });
            Measurement measurement = context.measurement(name(), "concurrency " + concurrency, concurrency, "req/s",
                    Measurement.Side.of(serviceRun.results().get("read")),
                    Measurement.Side.of(ceilingRun.results().get("read")),
                    serviceRun.clientCpuCores());
            results.add(measurement);
        }
        return results;
    }

    static List<HttpLoad.Call> readCalls(int port, List<UUID> ids) {
        return ids.stream().map(id -> new HttpLoad.Call("read",
                KeepAliveConnection.get(port, "/api/v1/records/" + LoadedData.DATASET + "/" + id), 200)).toList();
    }
}
