package io.duckforge.bench;

import java.net.http.HttpRequest;
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
        List<Measurement> results = new ArrayList<>();
        for (int concurrency : context.settings().concurrencies()) {
            LoadRun serviceRun = HttpLoad.run(service.client(), concurrency, context.settings().newRun(), random -> {
                UUID id = data.serviceIds.get(random.nextInt(data.serviceIds.size()));
                return new HttpLoad.Call("read", HttpRequest.newBuilder(
                        service.uri("/api/v1/records/" + LoadedData.DATASET + "/" + id)).build(), 200);
            });
            LoadRun ceilingRun = JdbcLoad.run(data.ceiling, concurrency, context.settings().newRun(), (connection, random) -> {
                UUID id = data.ceilingIds.get(random.nextInt(data.ceilingIds.size()));
                Ceiling.query(connection, "SELECT * FROM well_production WHERE id = ?", List.of(id));
                return "read";
            });
            Measurement measurement = context.measurement(name(), "concurrency " + concurrency, concurrency, "req/s",
                    Measurement.Side.of(serviceRun.results().get("read")),
                    Measurement.Side.of(ceilingRun.results().get("read")),
                    serviceRun.clientCpuCores());
            BenchMain.print(measurement);
            results.add(measurement);
        }
        return results;
    }
}
