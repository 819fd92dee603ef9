package io.duckforge.ops;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Schema files are the desired state at startup: additive changes are migrated, others need the operator's say. */
class SchemaFileMigrationIT {

    private static final String V1 = """
            name: pumps
            properties:
              - name: code
                type: string
              - name: rate
                type: number
            """;
    private static final String V2_ADDITIVE = """
            name: pumps
            properties:
              - name: site
                type: string
                default: north
                indexed: true
              - name: code
                type: string
              - name: rate
                type: number
                indexed: true
            """;
    private static final String V3_DROPS_RATE = """
            name: pumps
            properties:
              - name: site
                type: string
                default: north
                indexed: true
              - name: code
                type: string
            """;

    @TempDir
    Path workDir;

    @Test
    void additiveFileChangesAreMigratedOnceAndDestructiveOnesNeedTheAllowFlag() throws Exception {
        Path schemas = Files.createDirectories(workDir.resolve("schemas"));
        Path file = schemas.resolve("pumps.yaml");
        Map<String, String> environment = new HashMap<>(Map.of(
                "DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_SCHEMAS_DIR", schemas.toString()));
        Files.writeString(file, V1);
        String id;
        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            id = given().baseUri(service.baseUri()).contentType(ContentType.JSON).body("{\"code\": \"P1\", \"rate\": 2.5}")
                    .when().post("/api/v1/records/pumps").then().statusCode(201).extract().path("id");
        }

        Files.writeString(file, V2_ADDITIVE);
        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas/pumps").then().body("version", equalTo(2));
            given().baseUri(service.baseUri()).when().get("/api/v1/records/pumps/" + id).then().body("data.site", equalTo("north"));
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas/pumps/migrations")
                    .then().body("version", contains(1, 2))
                    .body("[1].applied_by", equalTo("file:" + file));
        }

        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas/pumps").then().body("version", equalTo(2));
            assertThat(service.log()).doesNotContain("Migrated dataset");
        }

        Files.writeString(file, V3_DROPS_RATE);
        try (ServiceProcess service = ServiceProcess.start(workDir, environment)) {
            assertThat(service.awaitExit()).isNotZero();
            assertThat(service.log()).contains(file + ": dataset 'pumps' (version 2) would need changes that are not additive: [drop_property rate]")
                    .contains("duckforge.schemas.allow-destructive-changes=true");
        }

        environment.put("DUCKFORGE_SCHEMAS_ALLOW_DESTRUCTIVE_CHANGES", "true");
        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas/pumps")
                    .then().body("version", equalTo(3)).body("properties.name", contains("code", "site"));
            given().baseUri(service.baseUri()).when().get("/api/v1/records/pumps/" + id)
                    .then().body("data.code", equalTo("P1")).body("data.site", equalTo("north"));
        }
    }

    @Test
    void aRenameThroughTheApiOfAFileDeclaredDatasetDoesNotStopTheNextStart() throws Exception {
        Path schemas = Files.createDirectories(workDir.resolve("schemas"));
        Files.writeString(schemas.resolve("pumps.yaml"), V1);
        Map<String, String> environment = Map.of(
                "DUCKFORGE_DUCKDB_PATH", workDir.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_SCHEMAS_DIR", schemas.toString());
        String id;
        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            id = given().baseUri(service.baseUri()).contentType(ContentType.JSON).body("{\"code\": \"P1\", \"rate\": 2.5}")
                    .when().post("/api/v1/records/pumps").then().statusCode(201).extract().path("id");
            given().baseUri(service.baseUri()).contentType(ContentType.JSON)
                    .body("{\"changes\": [{\"op\": \"rename_property\", \"name\": \"rate\", \"to\": \"flow\"}]}")
                    .when().patch("/api/v1/schemas/pumps").then().statusCode(200);
        }

        // The file still says `rate`: applied as it is, it would drop `flow` with its values.
        try (ServiceProcess service = ServiceProcess.start(workDir, environment).awaitReady()) {
            given().baseUri(service.baseUri()).when().get("/api/v1/records/pumps/" + id).then().body("data.flow", equalTo(2.5f));
            given().baseUri(service.baseUri()).when().get("/api/v1/schemas/pumps").then().body("version", equalTo(2));
            assertThat(service.log()).contains("was changed through the API since the file was last applied");
        }
    }
}
