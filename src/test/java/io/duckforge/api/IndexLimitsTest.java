package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * DuckDB's ART index limits, as the service meets them (docs/schemas.md, "Indexes"): each is either handled or shows
 * here as the behaviour clients get.
 */
@QuarkusTest
class IndexLimitsTest {

    private String dataset;

    @BeforeEach
    void declare() {
        dataset = TestDatasets.declareReadings();
    }

    @Test
    void anUpdateOfAnIndexedPropertyKeepsTheIndexAnsweringTheNewValue() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"before\"}");

        given().contentType(ContentType.JSON).body("{\"sensor\": \"after\"}")
                .when().patch("/api/v1/records/" + dataset + "/" + id).then().statusCode(200);

        bySensor("after").body("items", hasSize(1));
        bySensor("before").body("items", hasSize(0));
    }

    @Test
    void aUniqueValueFreedByAnUpdateCanBeTakenByAnotherRecord() {
        String first = TestDatasets.createRecord(dataset, "{\"sensor\": \"s\", \"serial\": \"A\"}");
        given().contentType(ContentType.JSON).body("{\"serial\": \"B\"}")
                .when().patch("/api/v1/records/" + dataset + "/" + first).then().statusCode(200);

        TestDatasets.createRecord(dataset, "{\"sensor\": \"s\", \"serial\": \"A\"}");

        given().contentType(ContentType.JSON).body("{\"serial\": \"A\"}")
                .when().patch("/api/v1/records/" + dataset + "/" + first).then().statusCode(409);
    }

    @Test
    void aBulkBodyThatRepeatsAUniqueValueWithinItselfIsRefusedWhole() {
        given().contentType(ContentType.JSON)
                .body("[{\"sensor\": \"s\", \"serial\": \"X\"}, {\"sensor\": \"s\", \"serial\": \"Y\"}, {\"sensor\": \"s\", \"serial\": \"X\"}]")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(409)
                .contentType("application/problem+json");

        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void alteringAColumnOfAnIndexedTableRebuildsItBecauseDuckDbCannotAlterItInPlace() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\", \"reading\": 5}");

        TestDatasets.patchSchema(dataset, "{\"changes\": [{\"op\": \"set_required\", \"name\": \"reading\"}]}")
                .statusCode(200)
                .body("strategy", equalTo("rebuild"));

        bySensor("s1").body("items", hasSize(1));
    }

    @Test
    void indexMemoryIsReportedOutsideTheHeapAsAGauge() {
        given().contentType(ContentType.JSON).body("[" + "{\"sensor\": \"s\"},".repeat(199) + "{\"sensor\": \"t\"}]")
                .when().post("/api/v1/records/" + dataset + "/bulk").then().statusCode(201);
        bySensor("t").body("items", hasSize(1));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        Matcher art = Pattern.compile("duckforge_duckdb_memory_bytes\\{tag=\"ART_INDEX\"} ([0-9.E]+)").matcher(metrics);
        assertThat(art.find()).as("ART_INDEX gauge in\n%s", metrics.lines().filter(l -> l.contains("duckdb_memory")).toList()).isTrue();
        assertThat(Double.parseDouble(art.group(1))).isPositive();
    }

    private io.restassured.response.ValidatableResponse bySensor(String value) {
        return given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"" + value + "\"}]")
                .when().get("/api/v1/records/" + dataset).then().statusCode(200);
    }
}
