package io.duckforge.ops;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Two worker threads and one queue slot: a request beyond them is refused at once with 503, not queued without bound. */
@QuarkusTest
@TestProfile(WorkerPoolOverloadTest.TwoWorkers.class)
class WorkerPoolOverloadTest {

    public static class TwoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", "2", "quarkus.thread-pool.queue-size", "1");
        }
    }

    @TestHTTPResource("/")
    URL root;

    /** A bulk request whose body never finishes arriving: it holds a worker thread reading it. */
    private Socket stalledBulk() throws Exception {
        Socket socket = new Socket(root.getHost(), root.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/records/well_production/bulk HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void aRequestBeyondTheBusyWorkersAndTheirQueueIs503WithRetryAfter() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                stalled.add(stalledBulk());
                Thread.sleep(200);
            }

            given().when().get("/api/v1/records/well_production/count")
                    .then().statusCode(503).header("Retry-After", "1").contentType("application/problem+json");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
