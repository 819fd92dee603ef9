package io.duckforge.ops;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The packaged jar stopped as Kubernetes stops it: SIGTERM first, SIGKILL when the grace period runs out. */
class GracefulShutdownIT {

    private static final String DATASET = """
            {"name": "meters", "properties": [{"name": "code", "type": "string"}, {"name": "kwh", "type": "number"}]}""";

    /** 128 + SIGTERM: what the JVM answers once its shutdown hooks (Quarkus' graceful shutdown) have run. */
    private static final int STOPPED_BY_SIGTERM = 143;

    @TempDir
    Path workDir;

    private Path database() {
        return workDir.resolve("db/duckforge.duckdb");
    }

    private Map<String, String> environment() {
        return Map.of("DUCKFORGE_DUCKDB_PATH", database().toString(),
                "QUARKUS_SHUTDOWN_DELAY", "2s", "QUARKUS_SHUTDOWN_TIMEOUT", "20s");
    }

    private static String create(ServiceProcess service, String code) {
        return given().baseUri(service.baseUri()).contentType(ContentType.JSON).body("{\"code\": \"" + code + "\", \"kwh\": 1.5}")
                .when().post("/api/v1/records/meters").then().statusCode(201).extract().path("id");
    }

    private static void declare(ServiceProcess service) {
        given().baseUri(service.baseUri()).contentType(ContentType.JSON).body(DATASET)
                .when().post("/api/v1/schemas").then().statusCode(201);
    }

    @Test
    void sigtermCheckpointsSoTheWriteAheadLogIsEmptyAfterwards() throws Exception {
        Path wal = Path.of(database() + ".wal");
        try (ServiceProcess service = ServiceProcess.start(workDir, environment()).awaitReady()) {
            declare(service);
            for (int i = 0; i < 20; i++) {
                create(service, "M" + i);
            }
            assertThat(Files.size(wal)).as("small writes stay in the WAL until a checkpoint").isPositive();

            int exitCode = service.terminate();

            assertThat(exitCode).isEqualTo(STOPPED_BY_SIGTERM);
            assertThat(service.log()).contains("Checkpointed the database on shutdown");
            assertThat(Files.exists(wal) ? Files.size(wal) : 0L).isZero();
        }
    }

    @Test
    void readinessGoesDownWhileTheServiceStillAnswers() throws Exception {
        Map<String, String> environment = new HashMap<>(environment());
        // Long enough that the checks below run inside the delay even on a slow machine.
        environment.put("QUARKUS_SHUTDOWN_DELAY", "10s");
        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.managementUri()).when().get("/q/health/ready").then().statusCode(200);
            sigterm(service);

            int ready = 200;
            // Readiness turns DOWN at the start of the 10 s delay; polled for all of it, so a busy machine cannot fail this.
            for (int i = 0; i < 400 && ready == 200; i++) {
                LockSupport.parkNanos(25_000_000);
                ready = given().baseUri(service.managementUri()).when().get("/q/health/ready").statusCode();
            }
            assertThat(ready).isEqualTo(503);
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas").then().statusCode(200);
            assertThat(service.terminate()).isEqualTo(STOPPED_BY_SIGTERM);
        }
    }

    @Test
    void aStreamInFlightAtSigtermIsServedToItsEnd() throws Exception {
        int rows = 50_000;
        try (ServiceProcess service = ServiceProcess.start(workDir, environment()).awaitReady()) {
            declare(service);
            String body = "{\"code\": \"bulk\", \"kwh\": 2.5}\n".repeat(rows);
            given().baseUri(service.baseUri()).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/records/meters/bulk").then().statusCode(201);
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/v1/records/meters/stream")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                long read = lines.readLine() == null ? 0 : 1;
                sigterm(service);
                while (lines.readLine() != null) {
                    read++;
                }
                assertThat(read).isEqualTo(rows);
                assertThat(service.terminate()).isEqualTo(STOPPED_BY_SIGTERM);
            }
        }
    }

    @Test
    void sigkillMidIngestKeepsEveryAcknowledgedRecordAndNoPartOfTheUnfinishedBulkBody() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(workDir, environment()).awaitReady()) {
            declare(service);
            for (int i = 0; i < 25; i++) {
                acknowledged.add(create(service, "M" + i));
            }
            PipedOutputStream feed = new PipedOutputStream();
            PipedInputStream body = new PipedInputStream(feed, 1 << 16);
            CompletableFuture<HttpResponse<String>> bulk = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/v1/records/meters/bulk"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            byte[] row = "{\"code\": \"partial\", \"kwh\": 3.5}\n".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = feed) {
                // Several writer batches (1,024 rows each) are appended, none committed, when the process dies.
                for (int i = 0; i < 20_000; i++) {
                    out.write(row);
                }
                out.flush();
                service.kill();
            } catch (IOException pipeClosedByTheDeadRequest) {
                service.kill();
            }
            assertThat(bulk).failsWithin(Duration.ofSeconds(30));
        }

        try (ServiceProcess restarted = ServiceProcess.start(workDir, environment()).awaitReady()) {
            given().baseUri(restarted.baseUri()).when().get("/api/v1/records/meters/count").then().body("count", equalTo(acknowledged.size()));
            for (String id : acknowledged) {
                given().baseUri(restarted.baseUri()).when().get("/api/v1/records/meters/" + id).then().statusCode(200);
            }
        }
    }

    /** Sends SIGTERM without waiting for the exit. */
    private static void sigterm(ServiceProcess service) {
        ProcessHandle.of(service.pid()).orElseThrow().destroy();
    }

    @Test
    void afterSigtermAKeepAliveClientIsToldToCloseItsConnection() throws Exception {
        boolean toldToClose = false;
        try (ServiceProcess service = ServiceProcess.start(workDir, environment()).awaitReady();
             java.net.Socket connection = new java.net.Socket("localhost", URI.create(service.baseUri()).getPort())) {
            declare(service);
            BufferedReader answers = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream requests = connection.getOutputStream();
            boolean signalled = false;
            // One keep-alive connection, one request after another, as a pooled HTTP client sends them.
            while (!toldToClose) {
                requests.write("GET /api/v1/records/meters/count HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                requests.flush();
                String status = answers.readLine();
                if (status == null) {
                    break; // closed without saying so: what a client must not meet
                }
                long length = 0;
                for (String header = answers.readLine(); header != null && !header.isEmpty(); header = answers.readLine()) {
                    toldToClose |= header.equalsIgnoreCase("connection: close");
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Long.parseLong(header.substring(15).trim());
                    }
                }
                answers.skip(length);
                if (!signalled) {
                    service.signalTerminate();
                    signalled = true;
                }
            }
        }
        assertThat(toldToClose).as("an answer after SIGTERM carries Connection: close").isTrue();
    }
}
