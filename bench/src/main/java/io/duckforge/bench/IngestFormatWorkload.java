package io.duckforge.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * {@code ingest-ndjson}, {@code ingest-csv}, {@code ingest-parquet}, {@code ingest-arrow}: one bulk body of up to 200K
 * rows in the format; rows/s beside DuckDB reading the same file with {@code read_json}/{@code read_csv}/
 * {@code read_parquet} (for Arrow, the IPC stream registered as a view in-process) into a table of the same shape.
 */
final class IngestFormatWorkload implements Workload {

    private static final int MAX_ROWS = 200_000;
    private static final int REPETITIONS = 3;
    private static final String COLUMNS = "field_code, _field_name, well_code, _well_reference, well_name, production_period,"
            + " days_on_production, oil_production_kbd, gas_production_mmcfd, liquids_production_kbd,"
            + " water_production_kbd, data_source, source_data, partition_0";

    private final String format;
    private final String contentType;

    private IngestFormatWorkload(String format, String contentType) {
        this.format = format;
        this.contentType = contentType;
    }

    static IngestFormatWorkload ndjson() {
        return new IngestFormatWorkload("ndjson", "application/x-ndjson");
    }

    static IngestFormatWorkload csv() {
        return new IngestFormatWorkload("csv", "text/csv");
    }

    static IngestFormatWorkload parquet() {
        return new IngestFormatWorkload("parquet", "application/vnd.apache.parquet");
    }

    static IngestFormatWorkload arrow() {
        return new IngestFormatWorkload("arrow", "application/vnd.apache.arrow.stream");
    }

    @Override
    public String name() {
        return "ingest-" + format;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        List<WellRow> rows = context.rows().subList(0, Math.min(MAX_ROWS, context.rows().size()));
        Path file = context.scratch().resolve("ingest." + format);
        byte[] body = switch (format) {
            case "csv" -> csv(rows);
            case "parquet" -> parquet(rows, context.scratch(), file);
            case "arrow" -> arrow(rows, context.scratch());
            default -> ndjson(rows);
        };
        Files.write(file, body);
        ServiceUnderTest service = context.service();
        double[] serviceRates = new double[REPETITIONS];
        for (int i = -1; i < REPETITIONS; i++) {
            String dataset = "bench_" + format + "_" + (i + 1);
            service.send(HttpRequest.newBuilder(service.uri("/api/v1/schemas")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(IngestJsonWorkload.datasetDocument(dataset))).build());
            long start = System.nanoTime();
            int status = service.send(HttpRequest.newBuilder(service.uri("/api/v1/records/" + dataset + "/bulk"))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()).statusCode();
            long elapsed = System.nanoTime() - start;
            if (status != 201) {
                throw new IllegalStateException(name() + ": HTTP " + status);
            }
            if (i >= 0) {
                serviceRates[i] = rows.size() / (elapsed / 1e9);
            }
        }
        String reader = switch (format) {
            case "csv" -> "read_csv('" + file + "', header = true, auto_detect = true)";
            case "parquet" -> "read_parquet('" + file + "')";
            case "arrow" -> "arrow_body";
            default -> "read_json('" + file + "', format = 'newline_delimited')";
        };
        double[] ceilingRates = new double[REPETITIONS];
        try (RawDuckDb raw = new RawDuckDb(context.scratch().resolve("ceiling-" + format + ".duckdb"))) {
            for (int i = -1; i < REPETITIONS; i++) {
                raw.createWellTable();
                long start = System.nanoTime();
                String insert = "INSERT INTO well_production SELECT uuid(), now(), now(), 1, "
                        + COLUMNS.replace("production_period,", "production_period::TIMESTAMPTZ,") + " FROM " + reader;
                try (var connection = raw.newConnection(); Statement statement = connection.createStatement()) {
                    if (format.equals("arrow")) {
                        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                            ArrowStreams.withStream(connection, reader, in, insert);
                        }
                    } else {
                        statement.execute(insert);
                    }
                }
                if (i >= 0) {
                    ceilingRates[i] = rows.size() / ((System.nanoTime() - start) / 1e9);
                }
            }
        }
        Measurement measurement = context.measurement(name(), String.format(Locale.ROOT, "%,d rows", rows.size()), 1, "rows/s",
                Measurement.Side.throughputOnly(IngestJsonWorkload.median(serviceRates)),
                Measurement.Side.throughputOnly(IngestJsonWorkload.median(ceilingRates)), 0);
        return List.of(measurement);
    }

    /** The same rows as an Arrow IPC stream, from DuckDB's Arrow export of the NDJSON form. */
    private static byte[] arrow(List<WellRow> rows, Path scratch) throws Exception {
        Path ndjson = scratch.resolve("ingest-source.ndjson");
        Files.write(ndjson, ndjson(rows));
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 200);
        try (RawDuckDb raw = new RawDuckDb(scratch.resolve("arrow-writer.duckdb")); var connection = raw.newConnection()) {
            ArrowStreams.write(connection, "SELECT * FROM read_json('" + ndjson + "', format = 'newline_delimited')", out);
        }
        return out.toByteArray();
    }

    /** The same rows as a Parquet file, written by DuckDB from the NDJSON form. */
    private static byte[] parquet(List<WellRow> rows, Path scratch, Path target) throws Exception {
        Path ndjson = scratch.resolve("ingest-source.ndjson");
        Files.write(ndjson, ndjson(rows));
        try (RawDuckDb raw = new RawDuckDb(scratch.resolve("parquet-writer.duckdb"));
             var connection = raw.newConnection(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_json('" + ndjson + "', format = 'newline_delimited')) TO '"
                    + target + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(target);
    }

    private static byte[] ndjson(List<WellRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 400);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (WellRow row : rows) {
                row.writeJson(json);
                json.writeRaw('\n');
            }
        }
        return out.toByteArray();
    }

    private static byte[] csv(List<WellRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 300);
        try (Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            csv.write(COLUMNS.replace(" ", "") + "\n");
            for (WellRow row : rows) {
                row.writeCsv(csv);
            }
        }
        return out.toByteArray();
    }
}
