package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class RecordQueryTest {

    /** Five readings: sensors a/b, readings 10..50, one without level, days in January and February. */
    private static final String SEED = """
            [{"sensor": "a", "serial": "S1", "reading": 10, "level": 1.0, "day": "2024-01-05", "taken_at": "2024-01-05T00:00:00Z"},
             {"sensor": "a", "serial": "S2", "reading": 20, "level": 2.0, "day": "2024-01-20", "taken_at": "2024-01-20T00:00:00Z"},
             {"sensor": "b", "serial": "S3", "reading": 30, "level": 3.0, "day": "2024-02-01", "taken_at": "2024-02-01T00:00:00Z"},
             {"sensor": "b", "serial": "S4", "reading": 40, "day": "2024-02-10", "taken_at": "2024-02-10T00:00:00Z"},
             {"sensor": "B", "serial": "S5", "reading": 50, "level": 5.0, "day": "2024-02-20", "taken_at": "2024-02-20T00:00:00Z"}]""";

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings();
        given().contentType(ContentType.JSON).body(SEED).when().post("/api/v1/records/" + dataset + "/bulk").then().statusCode(201);
    }

    private List<Integer> readings(String filters, String sort) {
        var request = given().queryParam("size", 100);
        if (filters != null) {
            request.queryParam("filters", filters);
        }
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        return request.when().get("/api/v1/records/" + dataset).then().statusCode(200).extract().path("items.data.reading");
    }

    private static String filter(String field, String operator, String value) {
        return "[{\"field\": \"" + field + "\", \"operator\": \"" + operator + "\"" + (value == null ? "" : ", \"value\": " + value) + "}]";
    }

    private static final String BY_READING = "[{\"field\": \"reading\"}]";

    @Test
    void eachOperatorSelectsItsRows() {
        assertThat(readings(filter("sensor", "eq", "\"a\""), BY_READING)).containsExactly(10, 20);
        assertThat(readings(filter("sensor", "ne", "\"a\""), BY_READING)).containsExactly(30, 40, 50);
        assertThat(readings(filter("reading", "gt", "30"), BY_READING)).containsExactly(40, 50);
        assertThat(readings(filter("reading", "gte", "30"), BY_READING)).containsExactly(30, 40, 50);
        assertThat(readings(filter("reading", "lt", "30"), BY_READING)).containsExactly(10, 20);
        assertThat(readings(filter("reading", "lte", "30"), BY_READING)).containsExactly(10, 20, 30);
        assertThat(readings(filter("serial", "in", "[\"S1\", \"S5\"]"), BY_READING)).containsExactly(10, 50);
        assertThat(readings(filter("sensor", "like", "\"b%\""), BY_READING)).containsExactly(30, 40);
        assertThat(readings(filter("sensor", "ilike", "\"b%\""), BY_READING)).containsExactly(30, 40, 50);
        assertThat(readings(filter("level", "is_null", null), BY_READING)).containsExactly(40);
        assertThat(readings(filter("level", "is_not_null", null), BY_READING)).containsExactly(10, 20, 30, 50);
    }

    @Test
    void dateAndDateTimeFiltersCompareAsTemporalValues() {
        String filters = "[{\"field\": \"day\", \"operator\": \"gte\", \"value\": \"2024-02-01\"},"
                + " {\"field\": \"taken_at\", \"operator\": \"lt\", \"value\": \"2024-02-15T00:00:00+01:00\"}]";
        assertThat(readings(filters, BY_READING)).containsExactly(30, 40);
    }

    @Test
    void sortsOnSeveralFields() {
        assertThat(readings(null, "[{\"field\": \"sensor\", \"order\": \"desc\"}, {\"field\": \"reading\", \"order\": \"desc\"}]"))
                .containsExactly(40, 30, 20, 10, 50);
    }

    @Test
    void pagesCarryTotalsAndNeighbourFlags() {
        given().queryParam("size", 2).queryParam("page", 2).queryParam("sort", BY_READING)
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200)
                .body("items.data.reading", contains(30, 40))
                .body("total", equalTo(5))
                .body("page", equalTo(2))
                .body("size", equalTo(2))
                .body("has_next", equalTo(true))
                .body("has_previous", equalTo(true));
        given().queryParam("size", 2).queryParam("page", 3).queryParam("sort", BY_READING)
                .when().get("/api/v1/records/" + dataset)
                .then().body("items.data.reading", contains(50))
                .body("has_next", equalTo(false));
    }

    @Test
    void theDefaultPageSizeIsTen() {
        given().when().get("/api/v1/records/" + dataset).then().body("size", equalTo(10)).body("page", equalTo(1));
    }

    @Test
    void theTotalCountsAllMatchesNotThePage() {
        given().queryParam("size", 1).queryParam("filters", filter("sensor", "ilike", "\"b\""))
                .when().get("/api/v1/records/" + dataset)
                .then().body("total", equalTo(3)).body("items.size()", equalTo(1));
    }

    @Test
    void fieldsProjectTheDataButKeepSystemColumns() {
        given().queryParam("fields", "reading,sensor").queryParam("size", 1)
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200)
                .body("items[0].data", hasKey("reading"))
                .body("items[0].data", hasKey("sensor"))
                .body("items[0].data", not(hasKey("level")))
                .body("items[0]", hasKey("id"))
                .body("items[0]", hasKey("version"));
    }

    @Test
    void countAppliesTheFilters() {
        given().queryParam("filters", filter("reading", "gte", "20"))
                .when().get("/api/v1/records/" + dataset + "/count")
                .then().statusCode(200).body("count", equalTo(4));
    }

    @Test
    void aPageSizeOutsideOneToAThousandIs400() {
        given().queryParam("size", 0).when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("size", 1001).when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("page", 0).when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void badFiltersSortAndFieldsAre400NamingTheParameter() {
        given().queryParam("filters", filter("nope", "eq", "1")).when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("filters[0].field"));
        given().queryParam("filters", filter("reading", "eq", "\"ten\"")).when().get("/api/v1/records/" + dataset + "/count")
                .then().statusCode(400).body("errors[0].field", equalTo("filters[0].value"));
        given().queryParam("filters", "[{").when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("filters"));
        given().queryParam("sort", "[{\"field\": \"reading\", \"order\": \"sideways\"}]").when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("sort[0].order"));
        given().queryParam("fields", "reading,nope").when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("fields"));
    }
}
