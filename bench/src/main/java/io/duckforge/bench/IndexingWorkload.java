package io.duckforge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code indexing}: what ART indexes cost and buy, on 1M and 10M generated well_production rows. For 0, 1 and 3 extra
 * indexes: bulk ingest (one Parquet body) and single-write latency, beside the same table in raw DuckDB, and the raw
 * file's size. Then four selective reads (equality, range, {@code in}, sort) on the table without and with an index
 * on the field. It writes its own tables, {@code indexing-results.md}, with two charts. Requests go through
 * {@link KeepAliveConnection}, whose per-request cost is negligible, so latencies are the service's.
 *
 * <p>The rows arrive in time order ({@code production_period} grows with the row number) while wells are spread at
 * random, as production data arrives: the range filter is the case DuckDB's zone maps prune without any index.
 */
final class IndexingWorkload implements Workload {

    private static final String[][] INDEX_SETS = {{}, {"well_code"}, {"well_code", "production_period", "oil_production_kbd"}};
    private static final int SINGLE_WRITES = 200;
    private static final int WARMUP_WRITES = 1_000;
    private static final int QUERY_REPETITIONS = 30;
    private static final String PROPERTIES = """
            {"name": "field_code", "type": "integer", "required": true},
            {"name": "_field_name", "type": "string"},
            {"name": "well_code", "type": "integer", "required": true%s},
            {"name": "_well_reference", "type": "string"},
            {"name": "well_name", "type": "string"},
            {"name": "production_period", "type": "datetime", "required": true%s},
            {"name": "days_on_production", "type": "integer"},
            {"name": "oil_production_kbd", "type": "number"%s},
            {"name": "gas_production_mmcfd", "type": "number"},
            {"name": "liquids_production_kbd", "type": "number"},
            {"name": "water_production_kbd", "type": "number"},
            {"name": "data_source", "type": "string"},
            {"name": "source_data", "type": "json"},
            {"name": "partition_0", "type": "string"}""";

    @Override
    public String name() {
        return "indexing";
    }

    @Override
    public boolean ownReport() {
        return true;
    }

    record IngestRow(int rows, int indexes, double serviceRowsPerSecond, double rawRowsPerSecond, double serviceWriteP50,
                     double serviceWriteP99, double rawWriteP50, double rawWriteP99, long rawFileBytes) {
    }

    record QueryRow(int rows, String query, int matched, double serviceWithout, double serviceWith, double rawWithout,
                    double rawWith) {
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        List<Integer> sizes = context.sizes("index-sizes");
        List<IngestRow> ingest = new ArrayList<>();
        List<QueryRow> queries = new ArrayList<>();
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        try (ServiceUnderTest service = context.startService("service-indexing", Map.of(
                "DUCKFORGE_BULK_MAX_ROWS", Integer.toString(largest),
                "DUCKFORGE_BULK_MAX_BODY_BYTES", Long.toString(16L << 30)))) {
            for (int size : sizes) {
                Path parquet = generate(context.scratch(), size);
                for (int k = 0; k < INDEX_SETS.length; k++) {
                    ingest.add(ingestCase(context, service, parquet, size, k));
                }
                queries.addAll(queryCases(context, service, size));
                Files.deleteIfExists(parquet);
            }
        }
        write(context.outputDirectory(), ingest, queries);
        return List.of();
    }

    /** Rows in arrival order, written by DuckDB itself so that 10M rows never pass through the harness's heap. */
    private static Path generate(Path scratch, int size) throws Exception {
        Path parquet = scratch.resolve("indexing-" + size + ".parquet");
        int wells = Math.max(1, size / 10);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("COPY (SELECT (i % 500)::BIGINT AS field_code, 'Field ' || (i % 500) AS _field_name, "
                    + "(hash(i) % " + wells + ")::BIGINT AS well_code, 'R-' || i AS _well_reference, "
                    + "'Well ' || (hash(i) % " + wells + ") AS well_name, "
                    + "TIMESTAMPTZ '2000-01-01 00:00:00+00' + to_minutes(i) AS production_period, "
                    + "(i % 31)::BIGINT AS days_on_production, (hash(i * 7) % 100000) / 100.0 AS oil_production_kbd, "
                    + "(hash(i * 11) % 100000) / 100.0 AS gas_production_mmcfd, (i % 977) / 10.0 AS liquids_production_kbd, "
                    + "(i % 631) / 10.0 AS water_production_kbd, 'bench' AS data_source, "
                    + "json_object('row', i) AS source_data, 'p' || (i % 10) AS partition_0 FROM range(" + size + ") r(i)) "
                    + "TO '" + parquet + "' (FORMAT parquet)");
        }
        return parquet;
    }

    private IngestRow ingestCase(BenchContext context, ServiceUnderTest service, Path parquet, int size, int k) throws Exception {
        String dataset = dataset(size, k);
        String[] indexed = INDEX_SETS[k];
        expect(201, service.send(HttpRequest.newBuilder(service.uri("/api/v1/schemas")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(document(dataset, indexed))).build()).statusCode(), "declare " + dataset);
        long start = System.nanoTime();
        expect(201, service.send(HttpRequest.newBuilder(service.uri("/api/v1/records/" + dataset + "/bulk"))
                .header("Content-Type", "application/vnd.apache.parquet")
                .POST(HttpRequest.BodyPublishers.ofFile(parquet)).build()).statusCode(), "ingest " + dataset);
        double serviceRate = size / ((System.nanoTime() - start) / 1e9);
        LatencyRecorder serviceWrites = new LatencyRecorder();
        byte[] write = KeepAliveConnection.postJson(service.port(), "/api/v1/records/" + dataset, context.rows().get(0).json());
        try (KeepAliveConnection connection = new KeepAliveConnection(service.port())) {
            // Unmeasured first: the JIT warms the create path up, as the raw side's JDBC path is warm already.
            for (int i = -WARMUP_WRITES; i < SINGLE_WRITES; i++) {
                long t = System.nanoTime();
                expect(201, connection.exchange(write), "write");
                if (i >= 0) {
                    serviceWrites.record(System.nanoTime() - t);
                }
            }
        }

        Path rawFile = rawFile(context, size, k);
        double rawRate;
        LatencyRecorder rawWrites = new LatencyRecorder();
        try (RawDuckDb raw = new RawDuckDb(rawFile); Connection connection = raw.newConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(RawDuckDb.WELL_TABLE);
            for (String column : indexed) {
                statement.execute("CREATE INDEX " + column + "_idx ON well_production (" + column + ")");
            }
            start = System.nanoTime();
            statement.execute("INSERT INTO well_production SELECT uuid(), now(), now(), 1, * FROM read_parquet('" + parquet + "')");
            rawRate = size / ((System.nanoTime() - start) / 1e9);
            for (int i = 0; i < SINGLE_WRITES; i++) {
                long t = System.nanoTime();
                RawDuckDb.insertWell(connection, context.rows().get(0));
                rawWrites.record(System.nanoTime() - t);
            }
            statement.execute("CHECKPOINT");
        }
        LatencyRecorder.Latencies s = serviceWrites.summary(1);
        LatencyRecorder.Latencies r = rawWrites.summary(1);
        IngestRow row = new IngestRow(size, indexed.length, serviceRate, rawRate, s.p50(), s.p99(), r.p50(), r.p99(), Files.size(rawFile));
        System.out.printf(Locale.ROOT, "indexing %,d rows, %d indexes: ingest %,.0f rows/s (raw %,.0f), write p50 %.2f p99 %.2f ms (raw %.2f %.2f), raw file %,d MiB%n",
                size, indexed.length, serviceRate, rawRate, s.p50(), s.p99(), r.p50(), r.p99(), row.rawFileBytes() >> 20);
        return row;
    }

    private List<QueryRow> queryCases(BenchContext context, ServiceUnderTest service, int size) throws Exception {
        int wells = Math.max(1, size / 10);
        OffsetDateTime from = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(size / 2);
        OffsetDateTime to = from.plusMinutes(50);
        long well = wells / 3;
        String wellList = "[" + well + ", " + (well + 1) + ", " + (well + 2) + ", " + (well + 3) + ", " + (well + 4) + "]";
        Map<String, String[]> cases = new LinkedHashMap<>();
        // name -> {service filters, service sort, raw WHERE/ORDER clause}
        cases.put("equality: well_code = one well", new String[] {
                "[{\"field\": \"well_code\", \"operator\": \"eq\", \"value\": " + well + "}]", null,
                "WHERE well_code = " + well});
        cases.put("range: production_period, 50 minutes", new String[] {
                "[{\"field\": \"production_period\", \"operator\": \"gte\", \"value\": \"" + from + "\"}, "
                        + "{\"field\": \"production_period\", \"operator\": \"lt\", \"value\": \"" + to + "\"}]", null,
                "WHERE production_period >= '" + from + "' AND production_period < '" + to + "'"});
        cases.put("in: well_code in 5 wells", new String[] {
                "[{\"field\": \"well_code\", \"operator\": \"in\", \"value\": " + wellList + "}]", null,
                "WHERE well_code IN (" + wellList.substring(1, wellList.length() - 1) + ")"});
        cases.put("sort: top 10 by oil_production_kbd", new String[] {
                null, "[{\"field\": \"oil_production_kbd\", \"order\": \"desc\"}]", "ORDER BY oil_production_kbd DESC"});
        List<QueryRow> rows = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : cases.entrySet()) {
            String[] q = entry.getValue();
            double serviceWithout = servicePage(service, dataset(size, 0), q[0], q[1]);
            double serviceWith = servicePage(service, dataset(size, 2), q[0], q[1]);
            double rawWithout = rawPage(rawFile(context, size, 0), q[2]);
            double rawWith = rawPage(rawFile(context, size, 2), q[2]);
            int matched = rawCount(rawFile(context, size, 0), q[2]);
            QueryRow row = new QueryRow(size, entry.getKey(), matched, serviceWithout, serviceWith, rawWithout, rawWith);
            System.out.printf(Locale.ROOT, "indexing %,d rows, %s (%,d match): service p50 %.2f -> %.2f ms, raw %.2f -> %.2f ms%n",
                    size, entry.getKey(), matched, serviceWithout, serviceWith, rawWithout, rawWith);
            rows.add(row);
        }
        return rows;
    }

    /** p50 of a page of 10 (the page query and its total count), as clients ask for it. */
    private static double servicePage(ServiceUnderTest service, String dataset, String filters, String sort) throws Exception {
        StringBuilder path = new StringBuilder("/api/v1/records/" + dataset + "?size=10");
        if (filters != null) {
            path.append("&filters=").append(URLEncoder.encode(filters, StandardCharsets.UTF_8));
        }
        if (sort != null) {
            path.append("&sort=").append(URLEncoder.encode(sort, StandardCharsets.UTF_8));
        }
        byte[] request = KeepAliveConnection.get(service.port(), path.toString());
        LatencyRecorder latencies = new LatencyRecorder();
        try (KeepAliveConnection connection = new KeepAliveConnection(service.port())) {
            for (int i = -3; i < QUERY_REPETITIONS; i++) {
                long t = System.nanoTime();
                expect(200, connection.exchange(request), "page of " + dataset);
                if (i >= 0) {
                    latencies.record(System.nanoTime() - t);
                }
            }
        }
        return latencies.summary(1).p50();
    }

    /** The same page in raw DuckDB: ten rows and the count, as the service runs them. */
    private static double rawPage(Path file, String clause) throws Exception {
        String where = clause.startsWith("WHERE") ? clause : "";
        String order = clause.startsWith("ORDER") ? clause : "ORDER BY created_at, id";
        LatencyRecorder latencies = new LatencyRecorder();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            for (int i = -3; i < QUERY_REPETITIONS; i++) {
                long t = System.nanoTime();
                Ceiling.query(connection, "SELECT * FROM well_production " + where + " " + order + " LIMIT 10", List.of());
                Ceiling.query(connection, "SELECT count(*) FROM well_production " + where, List.of());
                if (i >= 0) {
                    latencies.record(System.nanoTime() - t);
                }
            }
            Ceiling.forget(connection);
        }
        return latencies.summary(1).p50();
    }

    private static int rawCount(Path file, String clause) throws Exception {
        String where = clause.startsWith("WHERE") ? clause : "";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM well_production " + where);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Path rawFile(BenchContext context, int size, int k) {
        return context.scratch().resolve("indexing-raw-" + size + "-" + k + ".duckdb");
    }

    private static String dataset(int size, int k) {
        return "indexing_" + size + "_" + INDEX_SETS[k].length;
    }

    /** The declaration of a well_production dataset named {@code dataset}, with ART indexes on {@code indexed}. */
    static String document(String dataset, String[] indexed) {
        List<String> columns = List.of(indexed);
        return "{\"name\": \"" + dataset + "\", \"properties\": [" + PROPERTIES.formatted(
                columns.contains("well_code") ? ", \"indexed\": true" : "",
                columns.contains("production_period") ? ", \"indexed\": true" : "",
                columns.contains("oil_production_kbd") ? ", \"indexed\": true" : "") + "]}";
    }

    private static void expect(int expected, int status, String what) {
        if (status != expected) {
            throw new IllegalStateException("indexing: " + what + ": expected HTTP " + expected + " but got " + status);
        }
    }

    private static void write(Path directory, List<IngestRow> ingest, List<QueryRow> queries) throws Exception {
        Files.createDirectories(directory);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("indexing.json").toFile(), Map.of("ingest", ingest, "queries", queries));
        DefaultCategoryDataset speedups = new DefaultCategoryDataset();
        for (QueryRow q : queries) {
            speedups.addValue(q.serviceWithout() / q.serviceWith(), String.format(Locale.ROOT, "%,d rows", q.rows()), q.query().split(":")[0]);
        }
        JFreeChart chart = ChartFactory.createBarChart("Page latency without / with an index (service, p50)", "query",
                "speed-up (x, >1: the index helps)", speedups, PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(directory.resolve("indexing-queries.png").toFile(), chart, 900, 450);
        DefaultCategoryDataset rates = new DefaultCategoryDataset();
        for (IngestRow i : ingest) {
            rates.addValue(i.serviceRowsPerSecond(), String.format(Locale.ROOT, "service, %,d rows", i.rows()), i.indexes() + " indexes");
            rates.addValue(i.rawRowsPerSecond(), String.format(Locale.ROOT, "raw DuckDB, %,d rows", i.rows()), i.indexes() + " indexes");
        }
        JFreeChart ingestChart = ChartFactory.createBarChart("Bulk ingest (Parquet body) by extra ART indexes", "extra indexes",
                "rows/s", rates, PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(directory.resolve("indexing-ingest.png").toFile(), ingestChart, 900, 450);
        StringBuilder md = new StringBuilder();
        md.append("## Ingest and single writes by extra ART indexes\n\n")
                .append("| rows | extra indexes | service rows/s | raw rows/s | ratio | service write p50 / p99 ms | raw write p50 / p99 ms | raw file MiB |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (IngestRow i : ingest) {
            md.append(String.format(Locale.ROOT, "| %,d | %d | %,.0f | %,.0f | %.2f | %.2f / %.2f | %.2f / %.2f | %,d |%n", i.rows(),
                    i.indexes(), i.serviceRowsPerSecond(), i.rawRowsPerSecond(), i.serviceRowsPerSecond() / i.rawRowsPerSecond(),
                    i.serviceWriteP50(), i.serviceWriteP99(), i.rawWriteP50(), i.rawWriteP99(), i.rawFileBytes() >> 20));
        }
        md.append("\n![ingest](indexing-ingest.png)\n\n## Page latency without and with an index on the field (p50 ms)\n\n")
                .append("| rows | query | matching | service, no index | service, indexed | speed-up | raw, no index | raw, indexed |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (QueryRow q : queries) {
            md.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %.2f | %.2f | %.1f× | %.2f | %.2f |%n", q.rows(), q.query(),
                    q.matched(), q.serviceWithout(), q.serviceWith(), q.serviceWithout() / q.serviceWith(), q.rawWithout(), q.rawWith()));
        }
        md.append("\n![queries](indexing-queries.png)\n");
        Files.writeString(directory.resolve("indexing-results.md"), md.toString());
    }
}
