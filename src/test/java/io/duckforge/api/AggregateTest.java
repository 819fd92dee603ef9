package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** {@code GET} and {@code POST /api/v1/records/{schema}/aggregate}, answered as JSON. */
@QuarkusTest
class AggregateTest {

    /** Sensor a: readings 10..40 over two years; sensor b: one reading, no level. */
    private static final String SEED = """
            [{"sensor": "a", "reading": 10, "level": 1.0, "day": "2019-01-31", "taken_at": "2019-01-31T23:30:00Z"},
             {"sensor": "a", "reading": 20, "level": 2.0, "day": "2019-02-01", "taken_at": "2019-02-01T00:30:00Z"},
             {"sensor": "a", "reading": 30, "level": 3.0, "day": "2019-02-15", "taken_at": "2019-02-15T12:00:00Z"},
             {"sensor": "a", "reading": 40, "level": 4.0, "day": "2020-03-01", "taken_at": "2020-03-01T00:00:00Z"},
             {"sensor": "b", "reading": 5, "day": "2020-03-01", "taken_at": "2020-03-01T00:00:00Z"}]""";

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings(SEED);
    }

    private ValidatableResponse aggregate(Map<String, String> parameters) {
        RequestSpecification request = given();
        parameters.forEach(request::queryParam);
        return request.when().get("/api/v1/records/" + dataset + "/aggregate").then();
    }

    @Test
    void countOfRowsPerGroupIsTheDefaultMetric() {
        aggregate(Map.of("group_by", "[\"sensor\"]"))
                .statusCode(200).contentType(ContentType.JSON)
                .body("schema_name", equalTo(dataset))
                .body("groups", equalTo(List.of(Map.of("sensor", "a", "count", 4), Map.of("sensor", "b", "count", 1))))
                .body("truncated", equalTo(false));
    }

    @Test
    void metricsAreNamedByAsElseByFunctionAndField() {
        aggregate(Map.of("group_by", "[\"sensor\"]", "metrics",
                "[{\"fn\": \"sum\", \"field\": \"reading\"}, {\"fn\": \"avg\", \"field\": \"level\", \"as\": \"mean_level\"},"
                        + " {\"fn\": \"min\", \"field\": \"taken_at\"}, {\"fn\": \"max\", \"field\": \"day\"}]"))
                .statusCode(200)
                .body("groups[0].sum_reading", equalTo(100))
                .body("groups[0].mean_level", equalTo(2.5f))
                .body("groups[0].min_taken_at", equalTo("2019-01-31T23:30:00Z"))
                .body("groups[0].max_day", equalTo("2020-03-01"))
                .body("groups[1].mean_level", nullValue());
    }

    @Test
    void withoutGroupByOneGroupCoversEveryMatchingRecord() {
        aggregate(Map.of("filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"a\"}]",
                "metrics", "[{\"fn\": \"count\"}, {\"fn\": \"sum\", \"field\": \"reading\"}]"))
                .statusCode(200)
                .body("groups", equalTo(List.of(Map.of("count", 4, "sum_reading", 100))));
    }

    @Test
    void anEmptyGroupSetIsAnEmptyArray() {
        aggregate(Map.of("group_by", "[\"sensor\"]", "filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"none\"}]"))
                .statusCode(200).body("groups", empty()).body("truncated", equalTo(false));
    }

    @Test
    void aMonthBucketIsNamedAfterItsPropertyAndStartsAtTheMonthInUtc() {
        aggregate(Map.of("group_by", "[{\"field\": \"taken_at\", \"bucket\": \"month\"}]"))
                .statusCode(200)
                .body("groups.taken_at_month", contains("2019-01-01T00:00:00Z", "2019-02-01T00:00:00Z", "2020-03-01T00:00:00Z"))
                .body("groups.count", contains(1, 2, 2));
    }

    @Test
    void bucketsOfDatetimesStartInTheRequestedTimeZone() {
        // 2019-02-01T00:30Z is still January in New York; 2020-03-01T00:00Z is still February.
        aggregate(Map.of("group_by", "[{\"field\": \"taken_at\", \"bucket\": \"month\"}]", "tz", "America/New_York"))
                .statusCode(200)
                .body("groups.taken_at_month", contains("2019-01-01T05:00:00Z", "2019-02-01T05:00:00Z", "2020-02-01T05:00:00Z"))
                .body("groups.count", contains(2, 1, 2));
    }

    @Test
    void bucketsOfDatesAreDates() {
        aggregate(Map.of("group_by", "[{\"field\": \"day\", \"bucket\": \"year\"}, \"sensor\"]"))
                .statusCode(200)
                .body("groups", equalTo(List.of(Map.of("day_year", "2019-01-01", "sensor", "a", "count", 3),
                        Map.of("day_year", "2020-01-01", "sensor", "a", "count", 1),
                        Map.of("day_year", "2020-01-01", "sensor", "b", "count", 1))));
    }

    @Test
    void weeksStartOnMonday() {
        aggregate(Map.of("group_by", "[{\"field\": \"day\", \"bucket\": \"week\"}]", "limit", "1"))
                .statusCode(200).body("groups[0].day_week", equalTo("2019-01-28"));
    }

    @Test
    void medianAndQuantileInterpolateBetweenValues() {
        aggregate(Map.of("filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"a\"}]", "metrics",
                "[{\"fn\": \"median\", \"field\": \"reading\"}, {\"fn\": \"quantile\", \"field\": \"reading\", \"q\": 0.95, \"as\": \"p95\"}]"))
                .statusCode(200)
                .body("groups[0].median_reading", equalTo(25.0f))
                .body("groups[0].p95", equalTo(38.5f));
    }

    @Test
    void countDistinctAndStandardDeviation() {
        aggregate(Map.of("metrics", "[{\"fn\": \"count_distinct\", \"field\": \"sensor\"}, {\"fn\": \"stddev\", \"field\": \"level\"}]"))
                .statusCode(200)
                .body("groups[0].count_distinct_sensor", equalTo(2))
                .body("groups[0].stddev_level", equalTo(1.2909944f));
    }

    @Test
    void havingKeepsTheGroupsWhoseMetricsMatch() {
        aggregate(Map.of("group_by", "[\"sensor\"]", "having", "[{\"field\": \"count\", \"operator\": \"gt\", \"value\": 1}]"))
                .statusCode(200).body("groups.sensor", contains("a"));
    }

    @Test
    void sortOrdersGroupsByAMetric() {
        aggregate(Map.of("group_by", "[\"sensor\"]", "metrics", "[{\"fn\": \"min\", \"field\": \"reading\"}]",
                "sort", "[{\"field\": \"min_reading\", \"order\": \"asc\"}]"))
                .statusCode(200).body("groups.sensor", contains("b", "a"));
    }

    @Test
    void aLimitBelowTheGroupCountTruncatesTheAnswerAndSaysSo() {
        aggregate(Map.of("group_by", "[\"sensor\"]", "sort", "[{\"field\": \"count\", \"order\": \"desc\"}]", "limit", "1"))
                .statusCode(200).body("groups", hasSize(1)).body("groups[0].sensor", equalTo("a")).body("truncated", equalTo(true));
    }

    @Test
    void aLimitEqualToTheGroupCountIsNotTruncated() {
        aggregate(Map.of("group_by", "[\"sensor\"]", "limit", "2"))
                .statusCode(200).body("groups", hasSize(2)).body("truncated", equalTo(false));
    }

    @Test
    void aPostedBodyAsksTheSameAsParameters() {
        given().contentType(ContentType.JSON)
                .body("{\"group_by\": [\"sensor\"], \"metrics\": [{\"fn\": \"sum\", \"field\": \"reading\", \"as\": \"total\"}],"
                        + " \"having\": [{\"field\": \"total\", \"operator\": \"gte\", \"value\": 100}]}")
                .when().post("/api/v1/records/" + dataset + "/aggregate")
                .then().statusCode(200)
                .body("groups", equalTo(List.of(Map.of("sensor", "a", "total", 100))));
    }

    @Test
    void nothingIsWrittenByAnAggregate() {
        aggregate(Map.of("group_by", "[\"sensor\"]")).statusCode(200);
        assertThat(TestDatasets.count(dataset)).isEqualTo(5);
    }

    @Test
    void aMistakeIsAProblemNamingItsEntry() {
        aggregate(Map.of("group_by", "[\"sensor\", \"nope\"]"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("group_by[1]"));
    }

    @Test
    void anUnknownDatasetIsNotFound() {
        given().when().get("/api/v1/records/no_such_dataset/aggregate").then().statusCode(404).contentType("application/problem+json");
    }
}
