package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Uploads that stall hold at most their share of the connection pool: past it, a bulk body or stream is told to
 * retry (503 with Retry-After), while every other request is served as usual.
 */
@QuarkusTest
@TestProfile(ClientPacedShareTest.ShareOfTwo.class)
class ClientPacedShareTest {

    public static class ShareOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("duckforge.requests.client-paced-connections", "2",
                    "duckforge.requests.client-paced-wait", "100ms");
        }
    }

    /** An NDJSON bulk upload whose client sent its first row and then stopped sending. */
    private static final class StalledUpload implements AutoCloseable {
        private final Socket socket;
        private final String rest;

        StalledUpload(String dataset, String firstRow, String rest) throws IOException {
            this.socket = new Socket("localhost", RestAssured.port);
            this.rest = rest;
            byte[] length = String.valueOf((firstRow + rest).getBytes(StandardCharsets.UTF_8).length).getBytes();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/records/" + dataset + "/bulk HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nConnection: close\r\nContent-Length: "
                    + new String(length, StandardCharsets.US_ASCII) + "\r\n\r\n" + firstRow)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Sends the rest of the body and answers the status line's code. */
        int finish() throws IOException {
            socket.getOutputStream().write(rest.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return answer().get(0);
        }

        /** The status code, then 1 if the answer closed the connection. */
        List<Integer> answer() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            boolean closes = false;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                closes |= header.equalsIgnoreCase("connection: close");
            }
            return List.of(status, closes ? 1 : 0);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static double pacedInUse() {
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(line -> line.startsWith("duckforge_client_paced_connections_in_use"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void stalledUploadsBeyondTheirShareAre503WhileOtherRequestsAreServed() throws Exception {
        String dataset = TestDatasets.declareReadings();
        TestDatasets.createRecord(dataset, "{\"sensor\": \"a\"}");
        List<StalledUpload> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                uploads.add(new StalledUpload(dataset, "{\"sensor\": \"s" + i + "\"}\n", "{\"sensor\": \"t" + i + "\"}\n"));
            }
            while (pacedInUse() < 2) {
                LockSupport.parkNanos(20_000_000);
            }

            given().contentType("application/x-ndjson").body("{\"sensor\": \"late\"}\n".getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/records/" + dataset + "/bulk")
                    .then().statusCode(503).header("Retry-After", "1").contentType("application/problem+json");
            try (StalledUpload late = new StalledUpload(dataset, "{\"sensor\": \"late\"}\n", "{}")) {
                assertThat(late.answer()).as("refused at once, its unread body closing the connection").containsExactly(503, 1);
            }
            given().when().get("/api/v1/records/" + dataset + "/stream").then().statusCode(503);
            given().when().get("/api/v1/records/" + dataset + "/count").then().statusCode(200).body("count", equalTo(1));
            given().when().get("/q/health/ready").then().statusCode(200);

            for (StalledUpload upload : uploads) {
                assertThat(upload.finish()).isEqualTo(201);
            }
        } finally {
            for (StalledUpload upload : uploads) {
                upload.close();
            }
        }
        assertThat(TestDatasets.count(dataset)).isEqualTo(5);
    }
}
