package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.duckforge.api.ColumnarBodies.PARQUET;
import static io.duckforge.api.ColumnarBodies.parquet;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ParquetBulkTest {

    private String dataset;

    @BeforeEach
    void seed() throws Exception {
        dataset = TestDatasets.declareReadings();
    }

    @Test
    void missingSystemColumnsAreFilledAndMissingPropertiesTakeTheirDefault() throws Exception {
        byte[] body = parquet("SELECT 's' || i AS sensor, i AS reading FROM range(3) r(i)");

        given().contentType(PARQUET).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(3));
        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"s2\"}]")
                .when().get("/api/v1/records/" + dataset).then()
                .body("items[0].data.reading", equalTo(2))
                .body("items[0].data.active", equalTo(true))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void aValueOutOfRangeIs400NamingRowAndFieldAndNothingIsWritten() throws Exception {
        byte[] body = parquet("SELECT 's' || i AS sensor, CASE WHEN i = 2 THEN 18446744073709551615::UBIGINT"
                + " ELSE i::UBIGINT END AS reading FROM range(4) r(i)");

        given().contentType(PARQUET).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reading")).body("errors[0].row", equalTo(2));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aNullInARequiredColumnIs400() throws Exception {
        byte[] body = parquet("SELECT CASE WHEN i = 1 THEN NULL ELSE 's' END AS sensor FROM range(3) r(i)");

        given().contentType(PARQUET).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).body("errors[0].field", equalTo("sensor")).body("errors[0].row", equalTo(1));
    }

    @Test
    void anUnknownColumnIs400() throws Exception {
        byte[] body = parquet("SELECT 's' AS sensor, 'red' AS colour");

        given().contentType(PARQUET).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void aBodyThatIsNotParquetIs400() {
        given().contentType(PARQUET).body("not parquet".getBytes()).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
