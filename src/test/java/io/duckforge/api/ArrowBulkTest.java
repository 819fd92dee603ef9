package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.duckforge.api.ColumnarBodies.ARROW;
import static io.duckforge.api.ColumnarBodies.arrow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ArrowBulkTest {

    private String dataset;

    @BeforeEach
    void declare() {
        dataset = TestDatasets.declareReadings();
    }

    @Test
    void everyBatchOfAStreamIsWritten() throws Exception {
        byte[] body = arrow("SELECT 's' || (i % 7) AS sensor, i AS reading FROM range(450) r(i)", 64);

        given().contentType(ARROW).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(450));
        assertThat(TestDatasets.count(dataset)).isEqualTo(450);
    }

    @Test
    void aValueOutOfRangeIs400NamingRowAndFieldAndNothingIsWritten() throws Exception {
        byte[] body = arrow("SELECT 's' || i AS sensor, CASE WHEN i = 2 THEN 170141183460469231731687303715884105727::HUGEINT"
                + " ELSE i::HUGEINT END AS reading FROM range(4) r(i)", 2);

        given().contentType(ARROW).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reading")).body("errors[0].row", equalTo(2));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aNullInARequiredColumnIs400NamingItsRow() throws Exception {
        byte[] body = arrow("SELECT CASE WHEN i = 1 THEN NULL ELSE 's' END AS sensor FROM range(3) r(i)", 10);

        given().contentType(ARROW).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).body("errors[0].field", equalTo("sensor")).body("errors[0].row", equalTo(1));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aUniqueClashIs409AndNothingIsWritten() throws Exception {
        byte[] body = arrow("SELECT 's' AS sensor, CASE WHEN i < 2 THEN 'same' ELSE 'other' END AS serial FROM range(3) r(i)", 10);

        given().contentType(ARROW).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void anUnknownColumnIs400() throws Exception {
        byte[] body = arrow("SELECT 's' AS sensor, 'red' AS colour", 10);

        given().contentType(ARROW).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void aBodyThatIsNotArrowIs400() {
        given().contentType(ARROW).body("not arrow at all".getBytes()).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void aBodyOverTheByteLimitIs413AndNothingIsWritten() throws Exception {
        byte[] body = arrow("SELECT 'sensor-' || i AS sensor, i AS reading FROM range(20000) r(i)", 1000);
        assertThat(body.length).isGreaterThan(65_536);

        DeclaredLengthRequest.Answer answer = DeclaredLengthRequest.post("/api/v1/records/" + dataset + "/bulk", ARROW, body.length);

        assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        assertThat(answer.rest()).containsIgnoringCase("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aBodyWithoutContentLengthIsWritten() throws Exception {
        byte[] body = arrow("SELECT 's' || i AS sensor, i AS reading FROM range(300) r(i)", 100);

        given().contentType(ARROW).body(new java.io.ByteArrayInputStream(body))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(300));
    }

    @Test
    void aTinyBodyDeclaringAHugeMessageIs400() {
        byte[] body = java.nio.ByteBuffer.allocate(72).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(0xFFFFFFFF).putInt(1 << 30).array();

        given().contentType(ARROW).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertThat(TestDatasets.count(dataset)).isZero();
    }
}
