package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RecordChangesTest {

    private String dataset;
    private String id;

    @BeforeEach
    void createOne() {
        dataset = TestDatasets.declareReadings();
        id = TestDatasets.createRecord(dataset, "{\"sensor\": \"a\", \"serial\": \"C1\", \"reading\": 10, \"level\": 2.5}");
    }

    private String path() {
        return "/api/v1/records/" + dataset + "/" + id;
    }

    @Test
    void putReplacesTheDataAndBumpsVersionUpdatedAtAndEtag() {
        Response answer = given().contentType(ContentType.JSON).body("{\"sensor\": \"b\", \"reading\": 11}")
                .when().put(path());

        answer.then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("data.sensor", equalTo("b")).body("data.reading", equalTo(11))
                .body("data.level", nullValue()).body("data.serial", nullValue()).body("data.active", equalTo(true));
        OffsetDateTime created = OffsetDateTime.parse(answer.path("created_at"));
        OffsetDateTime updated = OffsetDateTime.parse(answer.path("updated_at"));
        assertThat(updated).isAfter(created);
        given().when().get(path()).then().body("data.sensor", equalTo("b")).body("version", equalTo(2));
    }

    @Test
    void patchMergesKeysAndNullClearsAProperty() {
        given().contentType("application/merge-patch+json").body("{\"reading\": 12, \"level\": null}")
                .when().patch(path())
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("data.sensor", equalTo("a")).body("data.serial", equalTo("C1"))
                .body("data.reading", equalTo(12)).body("data.level", nullValue());
    }

    @Test
    void aMergePatchMergesIntoAJsonPropertysObjectAndANestedNullRemovesThatKey() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"a\", \"payload\": {\"unit\": \"C\", \"probe\": {\"id\": 7, \"rev\": 2}}}")
                .when().put(path()).then().statusCode(200);

        given().contentType("application/merge-patch+json").body("{\"payload\": {\"probe\": {\"rev\": null, \"fw\": \"1.2\"}}}")
                .when().patch(path())
                .then().statusCode(200)
                .body("data.payload.unit", equalTo("C"))
                .body("data.payload.probe.id", equalTo(7))
                .body("data.payload.probe.fw", equalTo("1.2"))
                .body("data.payload.probe", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("rev")));
    }

    @Test
    void aRecordReadWithItsCurrentEtagInIfNoneMatchIs304AndWithAStaleOne200() {
        given().header("If-None-Match", "\"1\"").when().get(path()).then().statusCode(304).header("ETag", "\"1\"");
        given().contentType("application/merge-patch+json").body("{\"reading\": 13}").when().patch(path()).then().statusCode(200);

        given().header("If-None-Match", "\"1\"").when().get(path()).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void patchThatClearsARequiredPropertyIs400AndChangesNothing() {
        given().contentType(ContentType.JSON).body("{\"sensor\": null}").when().patch(path())
                .then().statusCode(400).body("errors[0].field", equalTo("sensor"));
        given().when().get(path()).then().body("version", equalTo(1)).body("data.sensor", equalTo("a"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        given().contentType(ContentType.JSON).body("{\"reading\": 13}").header("If-Match", "\"1\"").when().patch(path())
                .then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"sensor\": \"x\"}").header("If-Match", "\"1\"").when().put(path())
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"reading\": 14}").header("If-Match", "\"1\"").when().patch(path())
                .then().statusCode(412);
        given().header("If-Match", "\"1\"").when().delete(path()).then().statusCode(412);
        given().when().get(path()).then().statusCode(200).body("version", equalTo(2)).body("data.reading", equalTo(13));
    }

    @Test
    void theCurrentIfMatchApplies() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"c\"}").header("If-Match", "\"1\"").when().put(path())
                .then().statusCode(200).header("ETag", "\"2\"");
        given().header("If-Match", "W/\"2\"").when().delete(path()).then().statusCode(204);
    }

    @Test
    void anIfMatchListNamingTheCurrentVersionApplies() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"c\"}").header("If-Match", "\"7\", W/\"1\"").when().put(path())
                .then().statusCode(200).header("ETag", "\"2\"");
        given().header("If-Match", "\"1\", \"2\"").when().delete(path()).then().statusCode(204);
    }

    @Test
    void anIfMatchListWithoutTheCurrentVersionIs412AndChangesNothing() {
        given().contentType("application/merge-patch+json").body("{\"reading\": 1}").header("If-Match", "\"5\", \"6\"")
                .when().patch(path()).then().statusCode(412);

        given().when().get(path()).then().body("version", equalTo(1)).body("data.reading", equalTo(10));
    }

    @Test
    void anIfMatchThatIsNotAVersionIs400() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"c\"}").header("If-Match", "\"abc\"").when().put(path())
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void deleteIs204AndTheRecordIsGone() {
        given().when().delete(path()).then().statusCode(204);
        given().when().get(path()).then().statusCode(404);
        given().when().delete(path()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void changesToAnAbsentRecordAre404() {
        String absent = "/api/v1/records/" + dataset + "/0190a0b0-0000-7000-8000-000000000009";
        given().contentType(ContentType.JSON).body("{\"sensor\": \"c\"}").when().put(absent).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"sensor\": \"c\"}").when().patch(absent).then().statusCode(404);
    }

    @Test
    void aChangeThatTakesAUniqueValueIs409() {
        String other = TestDatasets.createRecord(dataset, "{\"sensor\": \"b\", \"serial\": \"C2\"}");

        given().contentType(ContentType.JSON).body("{\"serial\": \"C1\"}")
                .when().patch("/api/v1/records/" + dataset + "/" + other)
                .then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/v1/records/" + dataset + "/" + other).then().body("data.serial", equalTo("C2"));
    }

    @Test
    void deleteByFilterAnswersHowManyWereDeleted() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"b\", \"reading\": 20}");
        TestDatasets.createRecord(dataset, "{\"sensor\": \"b\", \"reading\": 30}");

        given().queryParam("filters", "[{\"field\": \"reading\", \"operator\": \"gte\", \"value\": 20}]")
                .when().delete("/api/v1/records/" + dataset)
                .then().statusCode(200).body("deleted", equalTo(2));
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void deleteWithoutFiltersIsRefusedUnlessAllIsGiven() {
        given().when().delete("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("filters"));
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);

        given().queryParam("all", "true").when().delete("/api/v1/records/" + dataset)
                .then().statusCode(200).body("deleted", equalTo(1));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void concurrentPatchesWithoutIfMatchAreEachAppliedOnceOrRefusedWith409() throws Exception {
        assertConcurrentChangesApplyOnceOrConflict(reading -> given().contentType(ContentType.JSON)
                .body("{\"reading\": " + reading + "}").when().patch(path()).statusCode());
    }

    @Test
    void concurrentReplacementsOfOneRecordAreEachAppliedOnceOrRefusedWith409() throws Exception {
        assertConcurrentChangesApplyOnceOrConflict(reading -> given().contentType(ContentType.JSON)
                .body("{\"sensor\": \"s\", \"reading\": " + reading + "}").when().put(path()).statusCode());
    }

    /** Eight writers change one record at once: never a 500, and the version counts exactly the acknowledged changes. */
    private void assertConcurrentChangesApplyOnceOrConflict(IntFunction<Integer> change) throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int reading = 100 + i;
            statuses.add(pool.submit(() -> change.apply(reading)));
        }
        int applied = 0;
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isIn(200, 409);
            applied += status.get() == 200 ? 1 : 0;
        }
        pool.shutdown();

        int version = given().when().get(path()).then().extract().path("version");
        assertThat(version).isEqualTo(1 + applied);
        assertThat(applied).isPositive();
    }
}
