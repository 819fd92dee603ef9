package io.duckforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code lookup}: the reads that should be cheap at any size, on 1M and 10M generated well_production rows with
 * {@code well_code} indexed. A read by id; a page of 10 (with its total) filtered by equality on the indexed
 * {@code well_code} and on the unindexed {@code well_name}, each matching one well's 120 rows; and pages at depth 1,
 * 1,000 and 10,000 by offset and by cursor. Each beside raw DuckDB JDBC doing the same in the harness process, with the
 * SQL shapes the service uses. p50 of repeated requests over {@link KeepAliveConnection}. Writes
 * {@code lookups-results.md} and {@code lookups.json}; {@code deep-page} runs only the deep pages, into
 * {@code deep-pages-results.md} and {@code deep-pages.json}.
 */
final class LookupWorkload implements Workload {

    private static final int ID_READS = 500;
    private static final int PAGE_READS = 30;
    private static final int[] DEPTHS = {1, 1_000, 10_000};
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int rows, String read, double serviceP50, double ceilingP50) {
    }

    private final String name;
    private final boolean pointReads;
    private final String report;

    private LookupWorkload(String name, boolean pointReads, String report) {
        this.name = name;
        this.pointReads = pointReads;
        this.report = report;
    }

    /** {@code lookup}: reads by id, equality pages and deep pages, on one load of each table. */
    static LookupWorkload lookups() {
        return new LookupWorkload("lookup", true, "lookups");
    }

    /** {@code deep-page}: only the pages at depth 1, 1,000 and 10,000, by offset and by cursor. */
    static LookupWorkload deepPages() {
        return new LookupWorkload("deep-page", false, "deep-pages");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean ownReport() {
        return true;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        List<Integer> sizes = context.sizes("lookup-sizes");
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Result> results = new ArrayList<>();
        try (ServiceUnderTest service = context.startService("service-lookup", Map.of(
                "DUCKFORGE_BULK_MAX_ROWS", Integer.toString(largest),
                "DUCKFORGE_BULK_MAX_BODY_BYTES", Long.toString(16L << 30)))) {
            for (int size : sizes) {
                Path parquet = AggregateData.parquet(context.scratch(), size);
                String dataset = "lookup_" + size;
                AggregateData.loadService(service, dataset, parquet, new String[] {"well_code"});
                try (RawDuckDb raw = AggregateData.loadCeiling(context.scratch().resolve("lookup-" + size + ".duckdb"), parquet);
                     Connection ceiling = raw.newConnection();
                     KeepAliveConnection connection = new KeepAliveConnection(service.port())) {
                    try (Statement statement = ceiling.createStatement()) {
                        statement.execute("CREATE INDEX well_code_idx ON well_production (well_code)");
                    }
                    Files.deleteIfExists(parquet);
                    int wells = Math.max(100, size / 120);
                    if (pointReads) {
                        results.add(byId(size, dataset, service, connection, ceiling, wells));
                        results.addAll(equalityPages(size, dataset, connection, service.port(), ceiling, wells));
                    }
                    results.addAll(deepPages(size, dataset, connection, service.port(), ceiling));
                    Ceiling.forget(ceiling);
                }
            }
        }
        write(context.outputDirectory(), results);
        return List.of();
    }

    private static Result byId(int size, String dataset, ServiceUnderTest service, KeepAliveConnection connection,
                               Connection ceiling, int wells) throws Exception {
        // Ids spread over the whole table: every record of 50 wells, one per month of their ten years.
        String wellList = "[" + String.join(", ", java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Long.toString((long) i * wells / 50)).toList()) + "]";
        JsonNode groups = json(connection, service.port(), "/api/v1/records/" + dataset + "/aggregate?group_by="
                + encode("[\"id\"]") + "&filters=" + encode("[{\"field\": \"well_code\", \"operator\": \"in\", \"value\": " + wellList + "}]")
                + "&limit=5000").get("groups");
        List<UUID> serviceIds = new ArrayList<>();
        groups.forEach(group -> serviceIds.add(UUID.fromString(group.get("id").asText())));
        List<UUID> ceilingIds = new ArrayList<>();
        try (Statement statement = ceiling.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM well_production USING SAMPLE 5000 ROWS")) {
            while (rows.next()) {
                ceilingIds.add((UUID) rows.getObject(1));
            }
        }
        LatencyRecorder serviceTimes = new LatencyRecorder();
        LatencyRecorder ceilingTimes = new LatencyRecorder();
        for (int i = -100; i < ID_READS; i++) {
            byte[] request = KeepAliveConnection.get(service.port(), "/api/v1/records/" + dataset + "/"
                    + serviceIds.get(Math.floorMod(i * 7919, serviceIds.size())));
            long start = System.nanoTime();
            expect(connection.exchange(request));
            long serviceNanos = System.nanoTime() - start;
            start = System.nanoTime();
            Ceiling.query(ceiling, "SELECT * FROM well_production WHERE id = ?",
                    List.of(ceilingIds.get(Math.floorMod(i * 7919, ceilingIds.size()))));
            if (i >= 0) {
                serviceTimes.record(serviceNanos);
                ceilingTimes.record(System.nanoTime() - start);
            }
        }
        return result(size, "GET by id", serviceTimes, ceilingTimes);
    }

    private static List<Result> equalityPages(int size, String dataset, KeepAliveConnection connection, int port,
                                              Connection ceiling, int wells) throws Exception {
        List<Result> results = new ArrayList<>();
        for (String field : List.of("well_code", "well_name")) {
            boolean indexed = field.equals("well_code");
            LatencyRecorder serviceTimes = new LatencyRecorder();
            LatencyRecorder ceilingTimes = new LatencyRecorder();
            for (int i = -5; i < PAGE_READS; i++) {
                long well = Math.floorMod((long) i * 7919, wells);
                Object value = indexed ? (Object) well : "Well_" + well;
                String filter = "[{\"field\": \"" + field + "\", \"operator\": \"eq\", \"value\": "
                        + (indexed ? value : "\"" + value + "\"") + "}]";
                byte[] request = KeepAliveConnection.get(port, "/api/v1/records/" + dataset + "?size=10&filters=" + encode(filter));
                long start = System.nanoTime();
                expect(connection.exchange(request));
                long serviceNanos = System.nanoTime() - start;
                start = System.nanoTime();
                if (indexed) {
                    // The service's two steps: the page's ids through the index, then those records by id.
                    List<Object> ids = Ceiling.firstColumn(ceiling, "WITH m AS MATERIALIZED (SELECT id, created_at FROM well_production"
                            + " WHERE well_code = ?) SELECT id FROM m ORDER BY created_at, id LIMIT 11", List.of(value));
                    List<Object> page = new ArrayList<>(ids.subList(0, Math.min(10, ids.size())));
                    while (page.size() < 16) {
                        page.add(page.get(page.size() - 1));
                    }
                    Ceiling.query(ceiling, "SELECT * FROM well_production WHERE id IN ("
                            + String.join(", ", Collections.nCopies(16, "?")) + ")", page);
                } else {
                    Ceiling.query(ceiling, "SELECT * FROM well_production WHERE well_name = ? ORDER BY created_at, id LIMIT 11", List.of(value));
                }
                Ceiling.query(ceiling, "SELECT count(*) FROM well_production WHERE " + field + " = ?", List.of(value));
                if (i >= 0) {
                    serviceTimes.record(serviceNanos);
                    ceilingTimes.record(System.nanoTime() - start);
                }
            }
            results.add(result(size, "page of 10 by " + field + (indexed ? " (indexed)" : " (not indexed)"), serviceTimes, ceilingTimes));
        }
        return results;
    }

    private static List<Result> deepPages(int size, String dataset, KeepAliveConnection connection, int port,
                                          Connection ceiling) throws Exception {
        List<Result> results = new ArrayList<>();
        String order = " ORDER BY created_at ASC NULLS LAST, id ASC NULLS LAST LIMIT 11";
        for (int depth : DEPTHS) {
            String base = "/api/v1/records/" + dataset + "?size=10&count=false";
            JsonNode before = depth == 1 ? null : json(connection, port, base + "&page=" + (depth - 1));
            byte[] offsetRequest = KeepAliveConnection.get(port, base + "&page=" + depth);
            byte[] cursorRequest = before == null ? offsetRequest
                    : KeepAliveConnection.get(port, base + "&cursor=" + encode(before.get("next_cursor").asText()));
            Object[] key = new Object[2];
            long offset = (long) (depth - 1) * 10;
            try (Statement statement = ceiling.createStatement();
                 ResultSet row = statement.executeQuery("SELECT created_at, id FROM well_production ORDER BY created_at, id LIMIT 1 OFFSET "
                         + Math.max(0, offset - 1))) {
                row.next();
                key[0] = row.getObject(1);
                key[1] = row.getObject(2);
            }
            results.add(pages(size, "page " + depth + " by offset", connection, offsetRequest,
                    () -> Ceiling.query(ceiling, "SELECT * FROM well_production" + order + " OFFSET " + offset, List.of())));
            results.add(pages(size, "page " + depth + " by cursor", connection, cursorRequest, () -> Ceiling.query(ceiling,
                    "SELECT * FROM well_production WHERE ((created_at > ? OR created_at IS NULL)) OR (created_at = ? AND (id > ? OR id IS NULL))"
                            + order, depth == 1 ? List.of(key[0], key[0], new UUID(0, 0)) : List.of(key[0], key[0], key[1]))));
        }
        return results;
    }

    @FunctionalInterface
    private interface CeilingRead {
        void run() throws Exception;
    }

    private static Result pages(int size, String read, KeepAliveConnection connection, byte[] request, CeilingRead ceiling)
            throws Exception {
        LatencyRecorder serviceTimes = new LatencyRecorder();
        LatencyRecorder ceilingTimes = new LatencyRecorder();
        for (int i = -3; i < PAGE_READS; i++) {
            long start = System.nanoTime();
            expect(connection.exchange(request));
            long serviceNanos = System.nanoTime() - start;
            start = System.nanoTime();
            ceiling.run();
            if (i >= 0) {
                serviceTimes.record(serviceNanos);
                ceilingTimes.record(System.nanoTime() - start);
            }
        }
        return result(size, read, serviceTimes, ceilingTimes);
    }

    private static Result result(int size, String read, LatencyRecorder service, LatencyRecorder ceiling) {
        Result result = new Result(size, read, service.summary(1).p50(), ceiling.summary(1).p50());
        System.out.printf(Locale.ROOT, "%,d rows, %s: service p50 %.2f ms, raw DuckDB p50 %.2f ms%n", size, read,
                result.serviceP50(), result.ceilingP50());
        return result;
    }

    private static JsonNode json(KeepAliveConnection connection, int port, String path) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        expect(connection.exchange(KeepAliveConnection.get(port, path), (buffer, length) -> body.write(buffer, 0, length)));
        return JSON.readTree(body.toByteArray());
    }

    private static void expect(int status) {
        if (status != 200) {
            throw new IllegalStateException("lookup: the service answered HTTP " + status);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void write(Path directory, List<Result> results) throws Exception {
        Files.createDirectories(directory);
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve(report + ".json").toFile(), results);
        StringBuilder md = new StringBuilder("| rows | read | service p50 ms | raw DuckDB p50 ms |\n|---:|---|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %,d | %s | %.2f | %.2f |%n", r.rows(), r.read(), r.serviceP50(), r.ceilingP50()));
        }
        Files.writeString(directory.resolve(report + "-results.md"), md.toString());
    }
}
