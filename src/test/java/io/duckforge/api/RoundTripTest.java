package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What {@code stream} writes in each format, {@code bulk} reads back into another dataset with equal records. */
@QuarkusTest
class RoundTripTest {

    private static final String SEED = """
            [{"sensor": "a", "serial": "T1", "reading": 10, "level": 0.1, "active": false, "day": "2024-02-29",
              "taken_at": "2024-03-01T12:00:00.123456+02:00", "batch": "0190a0b0-0000-7000-8000-000000000001",
              "payload": {"k": [1, "two", null], "quote": "a \\"b\\", c"}},
             {"sensor": "b, \\"quoted\\"\\nline", "serial": "", "reading": -3},
             {"sensor": "c"}]""";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ndjson, application/x-ndjson",
            "csv, text/csv",
            "parquet, application/vnd.apache.parquet",
            "arrow, application/vnd.apache.arrow.stream"})
    void anExportReloadsIntoAnotherDatasetWithEqualRecords(String format, String contentType) {
        String original = TestDatasets.declareReadings();
        given().contentType(ContentType.JSON).body(SEED).when().post("/api/v1/records/" + original + "/bulk").then().statusCode(201);
        byte[] export = given().queryParam("format", format).when().get("/api/v1/records/" + original + "/stream")
                .then().statusCode(200).extract().asByteArray();
        String copy = TestDatasets.declareReadings();

        given().contentType(contentType).body(export).when().post("/api/v1/records/" + copy + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(3));

        assertThat(records(copy).replace(copy, "<dataset>")).isEqualTo(records(original).replace(original, "<dataset>"));
    }

    /** Every record with its id, timestamps and version, as the page API answers them, in id order. */
    private static String records(String dataset) {
        return given().queryParam("sort", "[{\"field\": \"id\"}]").when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).extract().path("items").toString();
    }
}
