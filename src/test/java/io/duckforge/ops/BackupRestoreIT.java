package io.duckforge.ops;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** A backup taken over the API, restored into a fresh file at startup, holds every dataset's records exactly. */
class BackupRestoreIT {

    @TempDir
    Path workDir;

    @Test
    void aRestoredBackupHasEveryDatasetWithTheSameCountAndChecksum() throws Exception {
        Path original = workDir.resolve("original/duckforge.duckdb");
        Path restored = workDir.resolve("restored/duckforge.duckdb");
        Path backups = workDir.resolve("backups");
        String location;
        try (ServiceProcess service = ServiceProcess.start(workDir, Map.of("DUCKFORGE_DUCKDB_PATH", original.toString(),
                "DUCKFORGE_BACKUP_DIR", backups.toString())).awaitReady()) {
            given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                    .body("{\"name\": \"meters\", \"properties\": [{\"name\": \"code\", \"type\": \"string\", \"unique\": true}, "
                            + "{\"name\": \"kwh\", \"type\": \"number\", \"indexed\": true}, {\"name\": \"extra\", \"type\": \"json\"}]}")
                    .when().post("/api/v1/schemas").then().statusCode(201);
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 1_000; i++) {
                body.append("{\"code\": \"M").append(i).append("\", \"kwh\": ").append(i * 0.5).append(", \"extra\": {\"n\": ").append(i).append("}}\n");
            }
            given().baseUri(service.baseUri()).contentType("application/x-ndjson").body(body.toString().getBytes())
                    .when().post("/api/v1/records/meters/bulk").then().statusCode(201);
            given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                    .body("{\"changes\": [{\"op\": \"add_property\", \"property\": {\"name\": \"site\", \"type\": \"string\", \"default\": \"n\"}}]}")
                    .when().patch("/api/v1/schemas/meters").then().statusCode(200);

            location = given().baseUri(service.baseUri()).when().post("/api/v1/admin/backup")
                    .then().statusCode(200)
                    .body("datasets", greaterThanOrEqualTo(2))
                    .body("records", equalTo(1_000))
                    .extract().path("location");
        }
        assertThat(Path.of(location)).isDirectory().hasParent(backups);
        assertThat(Path.of(location, "schema.sql")).isRegularFile();

        try (ServiceProcess service = ServiceProcess.start(workDir, Map.of("DUCKFORGE_DUCKDB_PATH", restored.toString(),
                "DUCKFORGE_BACKUP_RESTORE_FROM", location)).awaitReady()) {
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas/meters").then().body("version", equalTo(2));
            given().baseUri(service.baseUri()).contentType(ContentType.JSON).body("{\"code\": \"M1\"}")
                    .when().post("/api/v1/records/meters").then().statusCode(409);
            assertThat(service.log()).contains("Restored the database from the backup");
        }

        Map<String, String> before = checksums(original);
        assertThat(before).containsKeys("meters", "well_production", "duckforge_meta.migrations");
        assertThat(checksums(restored)).isEqualTo(before);
    }

    /** Per dataset (and the migration history): its count and an MD5 over every row in id order. */
    private static Map<String, String> checksums(Path database) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM duckforge_meta.datasets ORDER BY name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                sums.put(table, checksum(statement, "\"" + table + "\"", "id"));
            }
            sums.put("duckforge_meta.migrations", checksum(statement, "duckforge_meta.migrations", "dataset, version"));
        }
        return sums;
    }

    private static String checksum(Statement statement, String table, String order) throws Exception {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY "
                + order + ")), '') FROM " + table + " t")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
