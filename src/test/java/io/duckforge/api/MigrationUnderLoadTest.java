package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Writers keep writing while a dataset is migrated: every acknowledged record is there afterwards, fully migrated. */
@QuarkusTest
class MigrationUnderLoadTest {

    private static final int SINGLE_WRITERS = 6;
    private static final int BULK_WRITERS = 2;
    private static final int BULK_ROWS = 20;

    @Test
    void everyRecordAcknowledgedDuringAMigrationIsStoredAndMigrated() throws Exception {
        String dataset = TestDatasets.declareReadings();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> acknowledgedIds = new ConcurrentLinkedQueue<>();
        AtomicLong acknowledgedBulkRows = new AtomicLong();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(SINGLE_WRITERS + BULK_WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < SINGLE_WRITERS; w++) {
            writers.add(pool.submit(() -> {
                while (writing.get()) {
                    Response answer = given().contentType(ContentType.JSON).body("{\"sensor\": \"single\", \"reading\": 1}")
                            .when().post("/api/v1/records/" + dataset);
                    record(answer, unexpected, () -> acknowledgedIds.add(answer.path("id")));
                }
            }));
        }
        String bulkBody = "{\"sensor\": \"bulk\", \"reading\": 2}\n".repeat(BULK_ROWS);
        for (int w = 0; w < BULK_WRITERS; w++) {
            writers.add(pool.submit(() -> {
                while (writing.get()) {
                    Response answer = given().contentType("application/x-ndjson").body(bulkBody.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .when().post("/api/v1/records/" + dataset + "/bulk");
                    record(answer, unexpected, () -> acknowledgedBulkRows.addAndGet(answer.<Integer>path("records_created")));
                }
            }));
        }

        awaitAcknowledged(writers, acknowledgedIds, acknowledgedBulkRows, 1, 1);
        // A rebuild (the default is backfilled into every record) followed by an index build, in one migration.
        TestDatasets.patchSchema(dataset, "{\"changes\": [{\"op\": \"add_property\", \"property\": {\"name\": \"site\", "
                + "\"type\": \"string\", \"default\": \"north\"}}, {\"op\": \"add_index\", \"name\": \"reading\"}]}")
                .statusCode(200);
        // Writers go on against the migrated table before they stop.
        awaitAcknowledged(writers, acknowledgedIds, acknowledgedBulkRows,
                acknowledgedIds.size() + 1, acknowledgedBulkRows.get() + 1);
        writing.set(false);
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        assertThat(acknowledgedIds).isNotEmpty();
        assertThat(acknowledgedBulkRows.get()).isPositive();
        Set<String> stored = new HashSet<>(given().queryParam("fields", "sensor")
                .when().get("/api/v1/records/" + dataset + "/stream").then().statusCode(200)
                .extract().body().asString().lines().map(line -> line.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList());
        assertThat(stored).containsAll(acknowledgedIds);
        assertThat((long) TestDatasets.count(dataset)).isEqualTo(acknowledgedIds.size() + acknowledgedBulkRows.get());
        int withoutSite = given().queryParam("filters", "[{\"field\": \"site\", \"operator\": \"is_null\"}]")
                .when().get("/api/v1/records/" + dataset + "/count").then().extract().path("count");
        assertThat(withoutSite).isZero();
    }

    /** Waits until both kinds of writer have had at least so many creates acknowledged, or a writer has failed. */
    private static void awaitAcknowledged(List<Future<?>> writers, ConcurrentLinkedQueue<String> ids, AtomicLong bulkRows,
                                          int minIds, long minBulkRows) {
        while ((ids.size() < minIds || bulkRows.get() < minBulkRows) && writers.stream().noneMatch(Future::isDone)) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** 201 is acknowledged; 503 with Retry-After is the one refusal a migration may cause; anything else is a fault. */
    private static void record(Response answer, ConcurrentLinkedQueue<String> unexpected, Runnable acknowledged) {
        if (answer.statusCode() == 201) {
            acknowledged.run();
        } else if (answer.statusCode() != 503 || answer.header("Retry-After") == null) {
            unexpected.add(answer.statusCode() + " " + answer.body().asString());
        }
    }
}
