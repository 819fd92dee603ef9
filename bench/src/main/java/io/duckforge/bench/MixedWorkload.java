package io.duckforge.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
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

    private static final JsonFactory JSON = new JsonFactory();

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
        List<Measurement> results = new ArrayList<>();
        for (int concurrency : context.settings().concurrencies()) {
            LoadRun serviceRun = HttpLoad.run(service.client(), concurrency, context.settings().newRun(), random -> {
                if (random.nextInt(100) < writePercent) {
                    return new HttpLoad.Call("write", HttpRequest.newBuilder(service.uri("/api/v1/records/" + LoadedData.DATASET))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json(writes.row(random.nextInt(data.rows)))))
                            .build(), 201);
                }
                UUID id = data.serviceIds.get(random.nextInt(data.serviceIds.size()));
                return new HttpLoad.Call("read", HttpRequest.newBuilder(
                        service.uri("/api/v1/records/" + LoadedData.DATASET + "/" + id)).build(), 200);
            });
            LoadRun ceilingRun = JdbcLoad.run(data.ceiling, concurrency, context.settings().newRun(), (connection, random) -> {
                if (random.nextInt(100) < writePercent) {
                    RawDuckDb.insertWell(connection, writes.row(random.nextInt(data.rows)));
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
                BenchMain.print(measurement);
                results.add(measurement);
            }
        }
        return results;
    }

    private static byte[] json(WellRow row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            row.writeJson(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
