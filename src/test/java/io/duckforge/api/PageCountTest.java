package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** A page's {@code total}: counted with the page's own query, or waived with {@code count=false}. */
@QuarkusTest
class PageCountTest {

    private static final String SEED = """
            [{"sensor": "a", "reading": 1}, {"sensor": "a", "reading": 2}, {"sensor": "a", "reading": 3},
             {"sensor": "a", "reading": 4}, {"sensor": "b", "reading": 5}]""";
    private static final String SENSOR_A = "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"a\"}]";

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings(SEED);
    }

    @Test
    void aPageCarriesTheTotalOfItsMatches() {
        given().queryParam("filters", SENSOR_A).queryParam("size", 3).when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("items", hasSize(3)).body("total", equalTo(4)).body("has_next", equalTo(true));
    }

    @Test
    void withoutACountTheTotalIsNullAndHasNextStillTellsWhetherMoreFollow() {
        given().queryParam("filters", SENSOR_A).queryParam("size", 3).queryParam("count", "false")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("items", hasSize(3)).body("total", nullValue()).body("has_next", equalTo(true));
        given().queryParam("filters", SENSOR_A).queryParam("size", 3).queryParam("page", 2).queryParam("count", "false")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("items", hasSize(1)).body("has_next", equalTo(false));
    }

    @Test
    void aPageExactlyAtTheEndHasNoNextWithoutACount() {
        given().queryParam("filters", SENSOR_A).queryParam("size", 4).queryParam("count", "false")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("items", hasSize(4)).body("has_next", equalTo(false));
    }

    @Test
    void aPagePastTheLastRecordStillCarriesTheTotal() {
        given().queryParam("page", 9).when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("items", empty()).body("total", equalTo(5)).body("has_next", equalTo(false));
    }

    @Test
    void anIndexedEqualityAndAnotherFilterSelectTheRecordsMatchingBoth() {
        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"a\"},"
                        + " {\"field\": \"reading\", \"operator\": \"gt\", \"value\": 2}]")
                .queryParam("sort", "[{\"field\": \"reading\", \"order\": \"desc\"}]")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("items.data.reading", contains(4, 3)).body("total", equalTo(2));
    }

    @Test
    void aQueryBodyWaivesTheCountToo() {
        given().contentType(ContentType.JSON).body("{\"filters\": " + SENSOR_A + ", \"count\": false}")
                .when().post("/api/v1/records/" + dataset + "/query")
                .then().statusCode(200).body("items", hasSize(4)).body("total", nullValue());
    }

    @Test
    void countIsTrueOrFalse() {
        given().queryParam("count", "maybe").when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("count"));
    }
}
