package io.duckforge.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code stream-ndjson}, {@code stream-csv}, {@code stream-parquet}, {@code stream-arrow}: the whole read data set
 * through {@code GET /records/{schema}/stream}; rows/s beside DuckDB's own {@code COPY ... TO} of the same rows in the
 * same format to a file (for Arrow, which COPY does not write, DuckDB's Arrow export written as an IPC stream to a
 * file in-process).
 */
final class StreamWorkload implements Workload {

    private static final int REPETITIONS = 3;

    private final String format;
    private final String copyOptions;

    private StreamWorkload(String format, String copyOptions) {
        this.format = format;
        this.copyOptions = copyOptions;
    }

    static StreamWorkload ndjson() {
        return new StreamWorkload("ndjson", "(FORMAT json)");
    }

    static StreamWorkload csv() {
        return new StreamWorkload("csv", "(FORMAT csv, HEADER)");
    }

    static StreamWorkload parquet() {
        return new StreamWorkload("parquet", "(FORMAT parquet)");
    }

    static StreamWorkload arrow() {
        return new StreamWorkload("arrow", null);
    }

    @Override
    public String name() {
        return "stream-" + format;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        LoadedData data = context.loaded();
        ServiceUnderTest service = context.service();
        byte[] request = KeepAliveConnection.get(service.port(),
                "/api/v1/records/" + LoadedData.DATASET + "/stream?format=" + format);
        double[] serviceRates = new double[REPETITIONS];
        double[] ceilingRates = new double[REPETITIONS];
        try (KeepAliveConnection connection = new KeepAliveConnection(service.port())) {
            for (int i = -1; i < REPETITIONS; i++) {
                long start = System.nanoTime();
                int status = connection.exchange(request);
                long elapsed = System.nanoTime() - start;
                if (status != 200) {
                    throw new IllegalStateException(name() + ": HTTP " + status);
                }
                if (i >= 0) {
                    serviceRates[i] = data.rows / (elapsed / 1e9);
                }
            }
        }
        String target = context.scratch().resolve("copy." + format).toString();
        try (var connection = data.ceiling.newConnection(); Statement statement = connection.createStatement()) {
            for (int i = -1; i < REPETITIONS; i++) {
                long start = System.nanoTime();
                if (copyOptions == null) {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(target)), 1 << 16)) {
                        ArrowStreams.write(connection, "SELECT * FROM well_production", out);
                    }
                } else {
                    statement.execute("COPY well_production TO '" + target.replace("'", "''") + "' " + copyOptions);
                }
                if (i >= 0) {
                    ceilingRates[i] = data.rows / ((System.nanoTime() - start) / 1e9);
                }
            }
        }
        Measurement measurement = context.measurement(name(), String.format(Locale.ROOT, "%,d rows", data.rows), 1, "rows/s",
                Measurement.Side.throughputOnly(IngestJsonWorkload.median(serviceRates)),
                Measurement.Side.throughputOnly(IngestJsonWorkload.median(ceilingRates)), 0);
        List<Measurement> results = new ArrayList<>();
        results.add(measurement);
        return results;
    }
}
