package io.duckforge.ops;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service with a 64 MiB heap ingests 3M rows as 1M-row NDJSON bodies (each about six times the heap) and
 * streams all 3M back as NDJSON (over a gigabyte, some twenty times the heap), CSV and Arrow, and an aggregate of 3M
 * groups (one per record) as NDJSON: a path that held a body, a result or the groups in memory would fail. More rows would prove nothing more, only take longer.
 */
class BoundedMemoryIT {

    private static final String HEAP = "64m";
    private static final int BODY_ROWS = 1_000_000;
    private static final int BODIES = 3;
    private static final long TOTAL = (long) BODY_ROWS * BODIES;

    @TempDir
    Path workDir;

    @Test
    void threeMillionRowsGoInAndOutWithA64MiBHeap() throws Exception {
        Map<String, String> environment = Map.of(
                "DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_BULK_MAX_ROWS", Integer.toString(BODY_ROWS),
                "DUCKFORGE_BULK_MAX_BODY_BYTES", Long.toString(4L << 30));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ServiceProcess service = ServiceProcess.start(workDir, environment, HEAP).awaitReady()) {
            GeneratedWellRows.load(client, service, BODIES, BODY_ROWS);

            assertThat(streamedLines(client, service, "stream?format=ndjson")).isEqualTo(TOTAL);
            assertThat(streamedLines(client, service, "stream?format=csv")).isEqualTo(TOTAL + 1);
            assertThat(streamedLines(client, service, "aggregate?format=ndjson&group_by=" + query("[\"id\"]")
                    + "&metrics=" + query("[{\"fn\": \"sum\", \"field\": \"oil_production_kbd\"}]"))).isEqualTo(TOTAL);
            assertThat(streamedArrowRows(client, service)).isEqualTo(TOTAL);

            assertThat(service.log()).doesNotContain("OutOfMemoryError");
            System.out.printf("BoundedMemoryIT: -Xmx%s, %,d rows in and out, peak RSS %d MiB%n", HEAP, TOTAL, service.peakRssMib());
        }
    }

    /** @param request the path under the dataset's records, and its query */
    private static long streamedLines(HttpClient client, ServiceProcess service, String request) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                        URI.create(service.baseUri() + "/api/v1/records/well_production/" + request)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = response.body()) {
            for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static String query(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static long streamedArrowRows(HttpClient client, ServiceProcess service) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                        URI.create(service.baseUri() + "/api/v1/records/well_production/stream?format=arrow")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = 0;
        try (InputStream body = response.body();
             BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(body, allocator)) {
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }
}
