package io.duckforge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar's logs: an access line per API request, as text or, when asked, as JSON lines. */
class LoggingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void everyApiRequestLeavesAnAccessLineWithItsIdStatusBytesAndDuration() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workDir, database()).awaitReady()) {
            given().baseUri(service.baseUri()).header("X-Request-Id", "access-line-1")
                    .when().get("/api/v1/schemas/well_production").then().statusCode(200);

            String line = awaitLine(service, "request_id=access-line-1");
            assertThat(line).containsPattern("request=\"GET /api/v1/schemas/well_production HTTP/1.1\" status=200 bytes=[1-9][0-9]* duration_ms=[0-9]+");
        }
    }

    @Test
    void withJsonLoggingEveryLineIsAJsonObjectAndTheAccessLineCarriesTheRequestId() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(database());
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");

        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.baseUri()).header("X-Request-Id", "json-line-1")
                    .when().get("/api/v1/records/well_production/count").then().statusCode(200);

            JsonNode access = JSON.readTree(awaitLine(service, "request_id=json-line-1"));
            assertThat(access.path("loggerName").asText()).isEqualTo("io.quarkus.http.access-log");
            assertThat(access.path("message").asText()).contains("status=200");
            List<String> lines = service.log().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(JSON.readTree(l).isObject()).as(l).isTrue());
        }
    }

    private Map<String, String> database() {
        return Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString());
    }

    /** The access line is written once the response has gone out: wait for it (bounded only as a hang guard). */
    private static String awaitLine(ServiceProcess service, String containing) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = service.log().lines().filter(l -> l.contains(containing)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("no log line with " + containing + " in:\n" + service.log());
    }
}
