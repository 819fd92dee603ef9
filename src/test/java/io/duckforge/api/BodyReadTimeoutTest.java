package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk body that stops arriving is given up after {@code quarkus.http.read-timeout}: its connection is closed,
 * nothing is written, and its share of the pool goes to the next upload.
 */
@QuarkusTest
@TestProfile(BodyReadTimeoutTest.ShortReadTimeout.class)
class BodyReadTimeoutTest {

    public static class ShortReadTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.read-timeout", "1s",
                    "duckforge.requests.client-paced-connections", "1",
                    "duckforge.requests.client-paced-wait", "60s");
        }
    }

    @Test
    void aStalledUploadIsCutOffWritesNothingAndFreesItsShare() throws Exception {
        String dataset = TestDatasets.declareReadings();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/records/" + dataset + "/bulk HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n{\"sensor\": \"a\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();

            assertThat(socket.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        }
        assertThat(TestDatasets.count(dataset)).isZero();

        given().contentType("application/x-ndjson").body("{\"sensor\": \"next\"}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201);
    }
}
