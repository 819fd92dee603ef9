package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Bodies that are not bulk bodies carry at most duckforge.requests.max-body-bytes (1 MiB by default). */
@QuarkusTest
class RequestBodyLimitTest {

    private static final int LIMIT = 1_048_576;

    private static String recordWithSerialOf(int characters) {
        return "{\"sensor\": \"a\", \"serial\": \"" + "x".repeat(characters) + "\"}";
    }

    @Test
    void recordOverTheLimitIs413AndStoresNothing() throws Exception {
        String dataset = TestDatasets.declareReadings();

        DeclaredLengthRequest.Answer answer = DeclaredLengthRequest.post("/api/v1/records/" + dataset, "application/json",
                recordWithSerialOf(LIMIT).length());

        assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        assertThat(answer.rest()).containsIgnoringCase("application/problem+json")
                .contains("A request body takes at most " + LIMIT + " bytes; nothing was written");
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void chunkedRecordOverTheLimitIs413() throws Exception {
        String dataset = TestDatasets.declareReadings();
        byte[] body = recordWithSerialOf(2 * LIMIT).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/records/" + dataset))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("A request body takes at most");
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void recordUnderTheLimitIsStored() {
        String dataset = TestDatasets.declareReadings();

        TestDatasets.createRecord(dataset, recordWithSerialOf(LIMIT - 100));

        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void schemaDeclarationOverTheLimitIs413() throws Exception {
        DeclaredLengthRequest.Answer answer = DeclaredLengthRequest.post("/api/v1/schemas", "application/json", LIMIT + 1);

        assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        assertThat(answer.rest()).contains("A request body takes at most");
    }
}
