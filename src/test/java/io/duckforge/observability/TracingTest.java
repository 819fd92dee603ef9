package io.duckforge.observability;

import io.duckforge.store.StoreOperations;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With an OTLP endpoint configured, requests and store operations are traced, continuing the caller's trace. */
@QuarkusTest
@TestProfile(TracingTest.WithAnEndpoint.class)
class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    public static class WithAnEndpoint implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317",
                    "quarkus.otel.bsp.schedule.delay", "0",
                    "tracing-test.spans-in-memory", "true");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void noSpansYet() {
        spans.reset();
    }

    @Test
    void aRequestContinuesTheCallersTraceAndItsStoreOperationIsAChildSpanNamingTheDataset() {
        String id = given().contentType(ContentType.JSON).body("{\"sensor\": \"s-1\"}")
                .when().post("/api/v1/records/sensor_reading").then().statusCode(201).extract().path("id");
        spans.reset();

        given().header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .when().get("/api/v1/records/sensor_reading/" + id).then().statusCode(200);

        SpanData server = awaitSpan(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(TRACE_ID));
        SpanData store = awaitSpan(span -> span.getName().equals("find-by-id sensor_reading"));
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(store.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(store.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(store.getAttributes().get(StoreOperations.DATASET)).isEqualTo("sensor_reading");
        assertThat(store.getAttributes().get(StoreOperations.SYSTEM)).isEqualTo("duckdb");
    }

    /** Spans are exported when they end, on the processor's thread: wait for it (bounded only as a hang guard). */
    private SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<SpanData> finished = spans.getFinishedSpanItems();
            Optional<SpanData> found = finished.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        throw new AssertionError("no such span among " + spans.getFinishedSpanItems());
    }
}
