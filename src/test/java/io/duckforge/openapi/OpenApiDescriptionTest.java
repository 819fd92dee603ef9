package io.duckforge.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description says what the wire does, and the copy in docs/openapi.json (from which clients are
 * generated, in this build too: {@code GeneratedClientTest}) is the one the service serves.
 */
@QuarkusTest
class OpenApiDescriptionTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final Path LIVE = Path.of("target/openapi/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonNode description;

    @BeforeEach
    void fetch() throws Exception {
        description = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Files.createDirectories(LIVE.getParent());
        JSON.writeValue(LIVE.toFile(), description);
    }

    @Test
    void theCommittedDescriptionIsTheOneServed() throws Exception {
        assertThat(JSON.readTree(COMMITTED.toFile()))
                .as("docs/openapi.json differs from what the service serves; if the change is intended: cp %s %s", LIVE, COMMITTED)
                .isEqualTo(description);
    }

    @Test
    void everyOperationHasItsOwnOperationId() {
        List<String> ids = new ArrayList<>();
        operations().forEach((name, operation) -> ids.add(operation.path("operationId").asText(null)));

        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().hasSize(operations().size());
    }

    @Test
    void modelsNameTheirPropertiesAsTheWireDoes() {
        JsonNode schemas = description.path("components").path("schemas");

        assertThat(names(schemas.path("RecordView").path("properties"))).contains("schema_name", "created_at", "updated_at");
        assertThat(names(schemas.path("RecordPage").path("properties"))).contains("has_next", "items", "total");
        assertThat(names(schemas.path("DatasetSchema").path("properties"))).doesNotContain("schemaName", "createdAt");
    }

    @Test
    void createsAnswer201AndDeletesOfOneThing204() {
        assertThat(operation("post", "/api/v1/records/{schema}").path("responses").has("201")).isTrue();
        assertThat(operation("post", "/api/v1/records/{schema}/bulk").path("responses").has("201")).isTrue();
        assertThat(operation("post", "/api/v1/schemas").path("responses").has("201")).isTrue();
        assertThat(operation("delete", "/api/v1/records/{schema}/{id}").path("responses").has("204")).isTrue();
        assertThat(operation("delete", "/api/v1/schemas/{schema}").path("responses").has("204")).isTrue();
        assertThat(operation("post", "/api/v1/records/{schema}").path("responses").has("200")).isFalse();
    }

    @Test
    void everyOperationDeclaresItsErrorsAsProblemJson() {
        operations().forEach((name, operation) -> {
            JsonNode responses = operation.path("responses");
            assertThat(responses.has("500")).as(name).isTrue();
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().path("content").has("application/problem+json")).as(name + " " + response.getKey()).isTrue();
                }
            });
        });
    }

    @Test
    void pagingParametersAreIntegersWithTheirBounds() {
        JsonNode size = parameter(operation("get", "/api/v1/records/{schema}"), "size");

        assertThat(size.path("schema").path("type").asText()).isEqualTo("integer");
        assertThat(size.path("schema").path("maximum").asInt()).isEqualTo(1000);
        assertThat(parameter(operation("get", "/api/v1/records/{schema}"), "page").path("schema").path("type").asText()).isEqualTo("integer");
    }

    @Test
    void streamsDeclareEveryFormatTheyWrite() {
        assertThat(names(operation("get", "/api/v1/records/{schema}/stream").path("responses").path("200").path("content")))
                .containsExactlyInAnyOrder("application/x-ndjson", "text/csv", "application/vnd.apache.parquet",
                        "application/vnd.apache.arrow.stream");
    }

    @Test
    void requestBodiesAreTypedNotJacksonInternals() {
        assertThat(description.path("components").path("schemas").has("JsonNode")).isFalse();
        assertThat(operation("post", "/api/v1/records/{schema}/bulk").path("requestBody").path("content").has("text/csv")).isTrue();
    }

    @Test
    void everyWriteTakesAnIdempotencyKey() {
        operations().forEach((name, operation) -> {
            if (!name.startsWith("get ")) {
                assertThat(parameter(operation, "Idempotency-Key").path("in").asText()).as(name).isEqualTo("header");
            }
        });
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(method -> operations.put(method.getKey() + " " + path.getKey(), method.getValue())));
        return operations;
    }

    private JsonNode operation(String method, String path) {
        return description.path("paths").path(path).path(method);
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation.path("operationId"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
