package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent single-record creates, coalesced into shared transactions (the default). */
@QuarkusTest
class GroupCommitTest {

    private String dataset;

    @BeforeEach
    void declare() {
        dataset = TestDatasets.declareReadings();
    }

    private List<Integer> postConcurrently(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String body : bodies) {
                Callable<Integer> post = () -> given().contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/records/" + dataset).statusCode();
                answers.add(pool.submit(post));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void everyAcknowledgedCreateIsStored() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bodies.add("{\"sensor\": \"s" + i + "\", \"reading\": " + i + "}");
        }

        List<Integer> statuses = postConcurrently(bodies);

        assertThat(statuses).containsOnly(201);
        assertThat(TestDatasets.count(dataset)).isEqualTo(200);
    }

    @Test
    void aCreateThatClashesFailsAloneAndItsNeighboursAreStored() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String serial = i % 6 == 0 ? "DUP" : "S" + i;
            bodies.add("{\"sensor\": \"s\", \"serial\": \"" + serial + "\"}");
        }

        List<Integer> statuses = postConcurrently(bodies);

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(9);
        assertThat(TestDatasets.count(dataset)).isEqualTo(51);
    }
}
