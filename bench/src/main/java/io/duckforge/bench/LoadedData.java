package io.duckforge.bench;

import java.net.http.HttpRequest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read data set: the same rows bulk-loaded into the service's {@code well_production} (over HTTP) and appended
 * into the ceiling's database, with a sample of ids from each for point reads.
 */
final class LoadedData implements AutoCloseable {

    static final String DATASET = "well_production";
    private static final int CHUNK = 50_000;
    private static final int SAMPLE_IDS = 5_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    final RawDuckDb ceiling;
    final List<UUID> serviceIds;
    final List<UUID> ceilingIds;
    final int rows;

    private LoadedData(RawDuckDb ceiling, List<UUID> serviceIds, List<UUID> ceilingIds, int rows) {
        this.ceiling = ceiling;
        this.serviceIds = serviceIds;
        this.ceilingIds = ceilingIds;
        this.rows = rows;
    }

    static LoadedData load(BenchContext context) throws Exception {
        List<WellRow> rows = context.rows();
        ServiceUnderTest service = context.service();
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            byte[] body = IngestJsonWorkload.jsonArray(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
            int status = service.send(HttpRequest.newBuilder(service.uri("/api/v1/records/" + DATASET + "/bulk"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()).statusCode();
            if (status != 201) {
                throw new IllegalStateException("Loading the read data set failed with HTTP " + status);
            }
        }
        System.out.printf("loaded %,d rows into the service in %.1f s%n", rows.size(), (System.nanoTime() - start) / 1e9);

        RawDuckDb ceiling = new RawDuckDb(context.scratch().resolve("ceiling-read.duckdb"));
        ceiling.createWellTable();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            ceiling.appendWells(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return new LoadedData(ceiling, serviceIds(service), ceilingIds(ceiling), rows.size());
    }

    private static List<UUID> serviceIds(ServiceUnderTest service) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int page = 1; ids.size() < SAMPLE_IDS; page++) {
            String body = service.send(HttpRequest.newBuilder(service.uri("/api/v1/records/" + DATASET
                    + "?size=1000&fields=well_code&page=" + page)).build()).body();
            Matcher matcher = ID.matcher(body);
            int before = ids.size();
            while (matcher.find()) {
                ids.add(UUID.fromString(matcher.group(1)));
            }
            if (ids.size() == before) {
                break;
            }
        }
        return ids;
    }

    private static List<UUID> ceilingIds(RawDuckDb ceiling) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (var connection = ceiling.newConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT id FROM well_production USING SAMPLE " + SAMPLE_IDS + " ROWS")) {
            while (row.next()) {
                ids.add((UUID) row.getObject(1));
            }
        }
        return ids;
    }

    @Override
    public void close() throws Exception {
        ceiling.close();
    }
}
