package io.duckforge.ops;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
            stalled.add(stalledBulk());
            stalled.add(stalledBulk());
            awaitNoIdleWorker();
            // Two more requests: whichever reaches the queue first waits there, the other finds workers and queue full.
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest count = HttpRequest.newBuilder(root.toURI().resolve("/api/v1/records/well_production/count")).build();
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(count, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = client.sendAsync(count, HttpResponse.BodyHandlers.ofString());

            HttpResponse<?> refused = (HttpResponse<?>) CompletableFuture.anyOf(first, second).get(60, TimeUnit.SECONDS);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** Both workers are held reading the stalled bodies (the service runs in this JVM, so its threads can be seen). */
    private static void awaitNoIdleWorker() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (workersReadingABody() < 2) {
            assertThat(System.nanoTime()).as("both workers taken within a minute").isLessThan(deadline);
            LockSupport.parkNanos(50_000_000); // polling the threads' state, not timing anything
        }
    }

    private static long workersReadingABody() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("executor-thread"))
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName().endsWith("VertxInputStream")))
                .count();
    }
}
