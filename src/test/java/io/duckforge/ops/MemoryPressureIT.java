package io.duckforge.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged jar with a 64 MiB heap and DuckDB held to 100 MB, on a million records: what fits is served, what
 * does not is answered as running out of memory (503, or the stream's last line saying so), never as a server
 * error, and the service goes on serving.
 */
class MemoryPressureIT {

    private static final int BODY_ROWS = 100_000;
    private static final int BODIES = 10;
    private static final String SORT = "[{\"field\": \"oil_production_kbd\", \"order\": \"desc\"}, {\"field\": \"well_name\"}]";

    @TempDir
    Path workDir;

    @Test
    void aMillionRecordsAtA64MiBHeapAndA100MBDatabaseAreServedOrRefusedAsOutOfMemory() throws Exception {
        Map<String, String> environment = Map.of(
                "DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_DUCKDB_MEMORY_LIMIT", "100MB",
                "DUCKFORGE_DUCKDB_TEMP_DIRECTORY", workDir.resolve("spill").toString());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ServiceProcess service = ServiceProcess.start(workDir, environment, "64m").awaitReady()) {
            GeneratedWellRows.load(client, service, BODIES, BODY_ROWS);

            Streamed sorted = stream(client, service, "/api/v1/records/well_production/stream?sort=" + URLEncoder.encode(SORT, StandardCharsets.UTF_8));
            assertThat(sorted).satisfiesAnyOf(all -> assertThat(all.lines()).isEqualTo(BODY_ROWS * BODIES),
                    refused -> assertThat(refused.last()).contains("urn:duckforge:problem:out-of-memory"));
            int page = given().baseUri(service.baseUri()).queryParam("size", 100).queryParam("page", 5000).queryParam("sort", SORT)
                    .when().get("/api/v1/records/well_production")
                    .then().extract().statusCode();
            assertThat(page).isIn(200, 503);
            given().baseUri(service.baseUri()).when().get("/api/v1/records/well_production/count")
                    .then().statusCode(200).body("count", equalTo(BODY_ROWS * BODIES));
            given().baseUri(service.managementUri()).when().get("/q/health/live").then().statusCode(200);
            assertThat(service.log()).doesNotContain("OutOfMemoryError").doesNotContain("Unexpected failure");
            System.out.printf("MemoryPressureIT: sorted page %d, peak RSS %d MiB%n", page, service.peakRssMib());
        }
    }

    /**
     * Reads a stream to its end, or to where the server cut it (a stream that fails after it started ends with an
     * error line, then an aborted response), and answers its last complete line.
     */
    private record Streamed(long lines, String last) {
    }

    private static Streamed stream(HttpClient client, ServiceProcess service, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(service.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isIn(200, 503);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String last = "";
        long lines = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        last = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        lines++;
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException cutAfterTheErrorLine) {
            // the last complete line is what the client has
        }
        if (last.isEmpty() && line.size() > 0) {
            last = line.toString(StandardCharsets.UTF_8); // a problem+json body has no line end
        }
        System.out.printf("MemoryPressureIT: sorted stream of %,d lines ended with %s%n", lines,
                last.length() > 200 ? last.substring(0, 200) : last);
        return new Streamed(lines, last);
    }
}
