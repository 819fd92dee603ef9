package io.duckforge.ops;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 while sixteen clients create records with Idempotency-Key: after the restart every acknowledged create is
 * stored, and a retry of every create that was sent, answered or not, gets an answer (the stored one, or a fresh
 * attempt), never a 409 that would last as long as the key.
 */
class CrashDuringWritesIT {

    private static final int CLIENTS = 16;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 300;

    @TempDir
    Path workDir;

    @Test
    void acknowledgedCreatesSurviveAKillAndEveryRetryIsAnswered() throws Exception {
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        try (ServiceProcess first = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(first.baseUri()).contentType(ContentType.JSON)
                    .body("{\"name\": \"meters\", \"properties\": [{\"name\": \"code\", \"type\": \"string\"}]}")
                    .when().post("/api/v1/schemas").then().statusCode(201);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                clients.submit(() -> createUntilRefused(first.baseUri(), number, sent, acknowledged));
            }
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_KILL) {
                LockSupport.parkNanos(10_000_000);
            }
            first.kill();
            clients.shutdown();
        }

        try (ServiceProcess second = ServiceProcess.start(workDir, environment).awaitReady()) {
            for (Map.Entry<String, String> create : acknowledged.entrySet()) {
                given().baseUri(second.baseUri()).when().get("/api/v1/records/meters/" + create.getValue()).then().statusCode(200);
            }
            for (String key : sent) {
                int status = given().baseUri(second.baseUri()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body("{\"code\": \"" + key + "\"}").when().post("/api/v1/records/meters").then().extract().statusCode();
                assertThat(status).as("retry of %s", key).isEqualTo(201);
            }
        }
    }

    /** Creates records, one key each, until the service stops answering. */
    private static void createUntilRefused(String baseUri, int client, Set<String> sent, Map<String, String> acknowledged) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; ; i++) {
            String key = "client-" + client + "-" + i;
            sent.add(key);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri + "/api/v1/records/meters"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + key + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledged.put(key, response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
                }
            } catch (Exception killed) {
                return;
            }
        }
    }
}
