package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A deliberately tiny write queue: creates beyond it are refused with 503 and Retry-After, never queued without bound. */
@QuarkusTest
@TestProfile(WriteOverloadTest.TinyWriteQueue.class)
class WriteOverloadTest {

    public static class TinyWriteQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Two pending creates at most, and a batch that waits 300 ms for company: the rest arrive meanwhile.
            return Map.of("duckforge.writes.max-pending", "2", "duckforge.writes.max-wait", "300ms");
        }
    }

    @Test
    void createsBeyondThePendingBoundAre503WithRetryAfterAndTheAcknowledgedOnesAreStored() throws Exception {
        String dataset = TestDatasets.declareReadings();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "{\"sensor\": \"s" + i + "\"}";
            answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(body).when().post("/api/v1/records/" + dataset)));
        }
        int created = 0;
        int refused = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertThat(response.statusCode()).isIn(201, 503);
            if (response.statusCode() == 503) {
                refused++;
                assertThat(response.header("Retry-After")).isEqualTo("1");
                assertThat(response.contentType()).startsWith("application/problem+json");
            } else {
                created++;
            }
        }
        pool.shutdown();

        assertThat(refused).isPositive();
        assertThat(TestDatasets.count(dataset)).isEqualTo(created);
    }
}
