package io.duckforge.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ingest-json}: bulk JSON bodies of 1K, 10K and 100K well_production rows POSTed to
 * {@code /api/v1/records/{schema}/bulk}; rows/s beside DuckDB's Appender writing the same rows into a table of the
 * same shape. Each size first warms up on about 100K rows (so a 1K body is not measured on a cold JIT), then runs
 * several times; the median counts.
 */
final class IngestJsonWorkload implements Workload {

    private static final int[] BATCH_SIZES = {1_000, 10_000, 100_000};
    private static final int REPETITIONS = 5;
    private static final int WARMUP_ROWS = 100_000;
    private static final String DATASET = """
            {"name": "%s", "properties": [
              {"name": "field_code", "type": "integer", "required": true, "indexed": true},
              {"name": "_field_name", "type": "string"},
              {"name": "well_code", "type": "integer", "required": true, "indexed": true},
              {"name": "_well_reference", "type": "string"},
              {"name": "well_name", "type": "string"},
              {"name": "production_period", "type": "datetime", "required": true},
              {"name": "days_on_production", "type": "integer"},
              {"name": "oil_production_kbd", "type": "number"},
              {"name": "gas_production_mmcfd", "type": "number"},
              {"name": "liquids_production_kbd", "type": "number"},
              {"name": "water_production_kbd", "type": "number"},
              {"name": "data_source", "type": "string"},
              {"name": "source_data", "type": "json"},
              {"name": "partition_0", "type": "string"}]}""";

    @Override
    public String name() {
        return "ingest-json";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        List<Measurement> results = new ArrayList<>();
        for (int size : BATCH_SIZES) {
            if (size > context.rows().size()) {
                continue;
            }
            List<WellRow> rows = context.rows().subList(0, size);
            byte[] body = jsonArray(rows);
            double service = median(serviceRowsPerSecond(context.service(), size, body));
            double ceiling = median(ceilingRowsPerSecond(context, rows));
            Measurement measurement = context.measurement(name(), size + " rows/request", 1, "rows/s",
                    Measurement.Side.throughputOnly(service), Measurement.Side.throughputOnly(ceiling), 0);
            results.add(measurement);
        }
        return results;
    }

    private double[] serviceRowsPerSecond(ServiceUnderTest service, int size, byte[] body) throws Exception {
        int warmup = warmups(size);
        double[] rates = new double[REPETITIONS];
        for (int i = -warmup; i < REPETITIONS; i++) {
            String dataset = "bench_ingest_" + size + "_" + (i + warmup);
            expect(201, service.send(HttpRequest.newBuilder(service.uri("/api/v1/schemas"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(datasetDocument(dataset))).build()).statusCode(), dataset);
            HttpRequest post = HttpRequest.newBuilder(service.uri("/api/v1/records/" + dataset + "/bulk"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long start = System.nanoTime();
            int status = service.send(post).statusCode();
            long elapsed = System.nanoTime() - start;
            expect(201, status, dataset);
            if (i >= 0) {
                rates[i] = size / (elapsed / 1e9);
            }
        }
        return rates;
    }

    private static double[] ceilingRowsPerSecond(BenchContext context, List<WellRow> rows) throws Exception {
        double[] rates = new double[REPETITIONS];
        try (RawDuckDb raw = new RawDuckDb(context.scratch().resolve("ceiling-ingest.duckdb"))) {
            for (int i = -warmups(rows.size()); i < REPETITIONS; i++) {
                raw.createWellTable();
                long start = System.nanoTime();
                raw.appendWells(rows);
                if (i >= 0) {
                    rates[i] = rows.size() / ((System.nanoTime() - start) / 1e9);
                }
            }
        }
        return rates;
    }

    /** A dataset of the sample schema's shape under another name. */
    static String datasetDocument(String name) {
        return DATASET.formatted(name);
    }

    private static int warmups(int size) {
        return Math.max(2, WARMUP_ROWS / size);
    }

    static byte[] jsonArray(List<WellRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 400);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartArray();
            for (WellRow row : rows) {
                row.writeJson(json);
            }
            json.writeEndArray();
        }
        return out.toByteArray();
    }

    private static void expect(int expected, int status, String what) {
        if (status != expected) {
            throw new IllegalStateException(what + ": expected HTTP " + expected + " but got " + status);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
