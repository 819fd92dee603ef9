package io.duckforge.api;

import io.duckforge.store.DatasetStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IdempotencyTest {

    private String dataset;

    @Inject
    DatasetStore store;

    @BeforeEach
    void declare() {
        dataset = TestDatasets.declareReadings();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private Response create(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/records/" + dataset);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndWritesNothingMore() {
        String key = newKey();
        Response first = create(key, "{\"sensor\": \"a\"}");
        first.then().statusCode(201);

        Response retry = create(key, "{\"sensor\": \"a\"}");

        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .contentType(ContentType.JSON).body("id", equalTo(first.path("id")));
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void aRetrySentTheMomentTheAnswerArrivesIsReplayedNeverRefusedAsInProgress() {
        for (int attempt = 0; attempt < 50; attempt++) {
            String key = newKey();
            create(key, "{\"sensor\": \"a\"}").then().statusCode(201);

            create(key, "{\"sensor\": \"a\"}").then().statusCode(201).header("Idempotent-Replayed", "true");
        }
        assertThat(TestDatasets.count(dataset)).isEqualTo(50);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = newKey();
        create(key, "{\"sensor\": \"a\"}").then().statusCode(201);

        create(key, "{\"sensor\": \"b\"}").then().statusCode(422).contentType("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"a\"}").when().post("/api/v1/records/" + dataset).then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"sensor\": \"a\"}").when().post("/api/v1/records/" + dataset).then().statusCode(201);
        assertThat(TestDatasets.count(dataset)).isEqualTo(2);
    }

    @Test
    void aBulkRetryIsReplayed() {
        String key = newKey();
        String body = "{\"sensor\": \"a\"}\n{\"sensor\": \"b\"}\n";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType("application/x-ndjson").header("Idempotency-Key", key).body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/records/" + dataset + "/bulk")
                    .then().statusCode(201).body("records_created", equalTo(2));
        }
        assertThat(TestDatasets.count(dataset)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBulkBodyIs422() {
        String key = newKey();
        given().contentType("application/x-ndjson").header("Idempotency-Key", key)
                .body("{\"sensor\": \"a\"}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/records/" + dataset + "/bulk").then().statusCode(201);

        given().contentType("application/x-ndjson").header("Idempotency-Key", key)
                .body("{\"sensor\": \"z\"}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/records/" + dataset + "/bulk").then().statusCode(422);
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void aPatchRetryBumpsTheVersionOnce() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"a\"}");
        String key = newKey();
        for (int attempt = 0; attempt < 3; attempt++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"reading\": 5}")
                    .when().patch("/api/v1/records/" + dataset + "/" + id)
                    .then().statusCode(200).body("version", equalTo(2));
        }
        given().when().get("/api/v1/records/" + dataset + "/" + id).then().body("version", equalTo(2));
    }

    @Test
    void aDeleteRetryAnswersLikeTheFirstDelete() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"a\"}");
        String key = newKey();
        given().header("Idempotency-Key", key).when().delete("/api/v1/records/" + dataset + "/" + id).then().statusCode(204);
        given().header("Idempotency-Key", key).when().delete("/api/v1/records/" + dataset + "/" + id)
                .then().statusCode(204).header("Idempotent-Replayed", "true");
    }

    @Test
    void aRefusedRequestIsReplayedAsRefused() {
        String key = newKey();
        create(key, "{\"reading\": 1}").then().statusCode(400);
        create(key, "{\"reading\": 1}").then().statusCode(400).header("Idempotent-Replayed", "true")
                .body("errors[0].field", equalTo("sensor"));
    }
}
