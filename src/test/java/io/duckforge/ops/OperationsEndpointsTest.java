package io.duckforge.ops;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabaseAndEveryDataset() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("datasets"));
    }

    @Test
    void startedIsUp() {
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeHttpPoolAndStoreTimers() {
        given().when().get("/api/v1/records/well_production/count").then().statusCode(200);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("agroal_active_count"))
                .body(containsString("duckforge_store_operation_seconds_count{operation=\"count\",schema=\"well_production\"}"));
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/schemas"))
                .body("paths", hasKey("/api/v1/schemas/{schema}"))
                .body("paths.'/api/v1/schemas/{schema}'", hasKey("patch"))
                .body("paths.'/api/v1/schemas/{schema}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        endsWith("/DatasetSchema"))
                .body("paths.'/api/v1/schemas/{schema}'.patch.responses.'200'.content.'application/json'.schema.'$ref'",
                        endsWith("/MigrationResult"))
                .body("paths.'/api/v1/schemas/{schema}'", hasKey("delete"))
                .body("paths", hasKey("/api/v1/schemas/{schema}/migrations"))
                .body("paths.'/api/v1/admin/backup'", hasKey("post"))
                .body("paths", hasKey("/api/v1/records"))
                .body("paths", hasKey("/api/v1/records/bulk"))
                .body("paths", hasKey("/api/v1/records/{schema}"))
                .body("paths", hasKey("/api/v1/records/{schema}/bulk"))
                .body("paths", hasKey("/api/v1/records/{schema}/count"))
                .body("paths", hasKey("/api/v1/records/{schema}/{id}"))
                .body("paths", hasKey("/api/v1/records/{schema}/stream"))
                .body("paths.'/api/v1/records/{schema}/{id}'", hasKey("put"))
                .body("paths.'/api/v1/records/{schema}/{id}'", hasKey("patch"))
                .body("paths.'/api/v1/records/{schema}/{id}'", hasKey("delete"))
                .body("paths.'/api/v1/records/{schema}'", hasKey("delete"))
                .body("paths.'/api/v1/records/{schema}/bulk'.post.requestBody.content", hasKey("application/vnd.apache.arrow.stream"));
    }

    @Test
    void openApiDeclaresBothCredentialsAndThe401And403OfEveryOperation() {
        var description = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(description.getMap("components.securitySchemes")).containsKeys("jwt", "api_key");
        assertThat(description.getString("components.securitySchemes.api_key.name")).isEqualTo("X-API-Key");
        Map<String, Map<String, Map<String, Object>>> paths = description.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat((Map<String, Object>) operation.get("responses")).as(method + " " + path).containsKeys("401", "403")));
    }
}
