package io.duckforge.ops;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The packaged jar, started twice on one DuckDB file: what the first run stored, the second one serves. */
class ServiceRestartIT {

    private static final String DATASET = """
            {"name": "meters", "properties": [{"name": "code", "type": "string", "unique": true}, {"name": "kwh", "type": "number"}]}""";

    @TempDir
    Path workDir;

    @Test
    void aRuntimeDeclaredDatasetItsRowsAndIdempotencyKeysSurviveARestart() throws Exception {
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString());
        String id;
        try (ServiceProcess first = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(first.baseUri()).contentType(ContentType.JSON).body(DATASET)
                    .when().post("/api/v1/schemas").then().statusCode(201);
            id = given().baseUri(first.baseUri()).contentType(ContentType.JSON).header("Idempotency-Key", "create-m1")
                    .body("{\"code\": \"M1\", \"kwh\": 12.5}")
                    .when().post("/api/v1/records/meters").then().statusCode(201).extract().path("id");
            given().baseUri(first.baseUri()).contentType(ContentType.JSON).body("[{\"code\": \"M2\"}, {\"code\": \"M3\"}]")
                    .when().post("/api/v1/records/meters/bulk").then().statusCode(201);
        }

        try (ServiceProcess second = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(second.baseUri()).when().get("/api/v1/schemas")
                    .then().body("name", hasItems("meters", "well_production"));
            given().baseUri(second.baseUri()).when().get("/api/v1/records/meters/" + id)
                    .then().statusCode(200).body("data.kwh", equalTo(12.5f));
            given().baseUri(second.baseUri()).when().get("/api/v1/records/meters/count")
                    .then().body("count", equalTo(3));
            given().baseUri(second.baseUri()).contentType(ContentType.JSON).body("{\"code\": \"M1\"}")
                    .when().post("/api/v1/records/meters").then().statusCode(409);
            // A retry of the first create, after the restart: the stored answer, not a second row or a 409.
            given().baseUri(second.baseUri()).contentType(ContentType.JSON).header("Idempotency-Key", "create-m1")
                    .body("{\"code\": \"M1\", \"kwh\": 12.5}")
                    .when().post("/api/v1/records/meters")
                    .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
            assertThat(second.log()).doesNotContain("Created dataset 'well_production'");
        }
    }

    @Test
    void aBadSchemaFileStopsStartupWithOneMessageNamingFilePropertyAndProblem() throws Exception {
        Path schemas = Files.createDirectories(workDir.resolve("schemas"));
        Files.writeString(schemas.resolve("pumps.yaml"), """
                name: pumps
                properties:
                  - name: rate
                    type: flot
                """);
        Map<String, String> environment = Map.of(
                "DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_SCHEMAS_DIR", schemas.toString());

        try (ServiceProcess service = ServiceProcess.start(workDir, environment)) {
            assertThat(service.awaitExit()).isNotZero();
            assertThat(service.log()).contains(schemas.resolve("pumps.yaml") + ": properties[0] (rate).type: unknown type 'flot'");
        }
    }

    @Test
    void aSecondInstanceOnTheSameFileExitsNamingTheProcessThatHoldsIt() throws Exception {
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString());
        try (ServiceProcess first = ServiceProcess.start(workDir, environment).awaitReady();
             ServiceProcess second = ServiceProcess.start(workDir, environment)) {
            assertThat(second.awaitExit()).isNotZero();
            assertThat(second.log()).containsPattern("Cannot start: The database file \\S+ is in use by another process: "
                    + "Conflicting lock is held in .*\\(PID " + first.pid() + "\\)");
        }
    }

    @Test
    void anUnfinishedBackupOfAKilledRunIsRemovedAtTheNextStart() throws Exception {
        Path backups = workDir.resolve("backups");
        Path unfinished = Files.createDirectories(backups.resolve("duckforge-20261202T000000Z.partial"));
        Files.writeString(unfinished.resolve("schema.sql"), "-- cut off");
        Path finished = Files.createDirectories(backups.resolve("duckforge-20261201T000000Z"));
        Map<String, String> environment = Map.of(
                "DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_BACKUP_DIR", backups.toString());

        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            assertThat(unfinished).doesNotExist();
            assertThat(finished).isDirectory();
        }
    }

    @Test
    void aStartReplaysALargeWriteAheadLogHoweverLongItTakesThePoolsTimeoutNotwithstanding() throws Exception {
        Path database = workDir.resolve("db/duckforge.duckdb");
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", database.toString());
        try (ServiceProcess first = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(first.baseUri()).contentType(ContentType.JSON).body(DATASET)
                    .when().post("/api/v1/schemas").then().statusCode(201);
        }
        long rows = writeUncheckpointedRows(database, 64L << 20);

        // Opening the file now replays 64 MB of log, far longer than the pool would wait for a connection.
        Map<String, String> impatientPool = Map.of("DUCKFORGE_DUCKDB_PATH", database.toString(),
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "0.3S");
        try (ServiceProcess second = ServiceProcess.start(workDir, impatientPool).awaitReady()) {
            given().baseUri(second.baseUri()).when().get("/api/v1/records/meters/count")
                    .then().statusCode(200).body("count", equalTo((int) rows));
            assertThat(second.log()).containsPattern("Opened the database \\S+ in \\d+ ms, replaying a write-ahead log of [\\d,]+ bytes");
        }
    }

    /** Rows written with checkpoints held off, so they stay in the write-ahead log, as after a kill -9. */
    private static long writeUncheckpointedRows(Path database, long walBytes) throws Exception {
        Path wal = Path.of(database + ".wal");
        long rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("SET checkpoint_threshold = '1TB'");
            statement.execute("PRAGMA disable_checkpoint_on_shutdown");
            while (!Files.exists(wal) || Files.size(wal) < walBytes) {
                statement.execute("INSERT INTO meters BY NAME SELECT uuid() AS id, now() AS created_at, now() AS updated_at,"
                        + " 1 AS version, md5(i::VARCHAR) AS code, i AS kwh FROM range(" + rows + ", " + (rows + 100_000) + ") r(i)");
                rows += 100_000;
            }
        }
        return rows;
    }

    @Test
    void withoutAnAuthenticationModeThePackagedServiceRefusesToStartSayingHowToChooseOne() throws Exception {
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_AUTH_MODE", "");

        try (ServiceProcess service = ServiceProcess.start(workDir, environment)) {
            assertThat(service.awaitExit()).isNotZero();
            assertThat(service.log()).contains("Cannot start: No authentication mode is configured: set duckforge.auth.mode (DUCKFORGE_AUTH_MODE)");
        }
    }

    @Test
    void modeNoneServesWithoutCredentialsAndSaysSoInTheLog() throws Exception {
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString());

        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas").then().statusCode(200);
            assertThat(service.log()).contains("duckforge.auth.mode is none");
            given().baseUri(service.baseUri()).when().get("/q/swagger-ui/").then().statusCode(404);
        }
    }

    @Test
    void probesAndMetricsAnswerOnTheManagementPortTheApiDescriptionOnTheApiPort() throws Exception {
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString());

        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.managementUri()).when().get("/q/health/live").then().statusCode(200);
            given().baseUri(service.managementUri()).when().get("/q/metrics").then().statusCode(200);
            given().baseUri(service.baseUri()).when().get("/q/health/live").then().statusCode(404);
            given().baseUri(service.baseUri()).when().get("/q/metrics").then().statusCode(404);
            given().baseUri(service.baseUri()).when().get("/q/openapi").then().statusCode(200);
        }
    }

    @Test
    void aPlainJavaDashJarServesArrowStreamsWithoutAJvmFlag() throws Exception {
        Map<String, String> environment = Map.of("DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString());

        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.baseUri()).queryParam("format", "arrow")
                    .when().get("/api/v1/records/well_production/stream")
                    .then().statusCode(200).contentType("application/vnd.apache.arrow.stream");
        }
    }
}
