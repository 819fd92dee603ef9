package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BulkFormatsTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final String CSV = "text/csv";

    private String dataset;

    @BeforeEach
    void declareDataset() {
        dataset = TestDatasets.declareReadings();
    }

    /** Rest-assured cannot encode a String for a content type it does not know, such as NDJSON. */
    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ndjsonRowsAreWrittenAllTogether() {
        given().contentType(NDJSON).body(bytes("{\"sensor\": \"a\", \"serial\": \"N1\"}\n{\"sensor\": \"b\", \"reading\": 7}\n"))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(2));
        assertThat(TestDatasets.count(dataset)).isEqualTo(2);
    }

    @Test
    void aBadNdjsonLineIs400NamingItsRowAndNothingIsWritten() {
        given().contentType(NDJSON).body(bytes("{\"sensor\": \"a\"}\n{\"sensor\": \"b\", \"reading\": \"x\"}\n"))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("reading"));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void csvRowsConvertByPropertyTypeWithQuotingNullsAndDefaults() {
        String body = "sensor,serial,reading,level,active,day,taken_at,payload\r\n"
                + "\"a, \"\"quoted\"\"\nsensor\",C1,12,0.5,false,2024-01-31,2024-01-31T12:00:00+02:00,\"{\"\"k\"\": 1}\"\r\n"
                + "b,\"\",,,,,,\r\n";

        given().contentType(CSV).body(body)
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(2));

        given().queryParam("filters", "[{\"field\": \"serial\", \"operator\": \"eq\", \"value\": \"C1\"}]")
                .when().get("/api/v1/records/" + dataset).then()
                .body("items[0].data.sensor", equalTo("a, \"quoted\"\nsensor"))
                .body("items[0].data.reading", equalTo(12))
                .body("items[0].data.active", equalTo(false))
                .body("items[0].data.taken_at", equalTo("2024-01-31T10:00:00Z"))
                .body("items[0].data.payload.k", equalTo(1));
        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"b\"}]")
                .when().get("/api/v1/records/" + dataset).then()
                .body("items[0].data.serial", equalTo(""))
                .body("items[0].data.reading", nullValue())
                .body("items[0].data.active", equalTo(true));
    }

    @Test
    void aSemicolonSeparatedCsvAsSpreadsheetsWriteItIsReadByItsHeader() {
        given().contentType(CSV).body(bytes("sensor;serial;level\r\n\"a;b\";S1;0.5\r\nc;S2;\r\n"))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(2));

        given().queryParam("filters", "[{\"field\": \"serial\", \"operator\": \"eq\", \"value\": \"S1\"}]")
                .when().get("/api/v1/records/" + dataset).then()
                .body("items[0].data.sensor", equalTo("a;b"))
                .body("items[0].data.level", equalTo(0.5f));
    }

    @Test
    void aUtf8ByteOrderMarkBeforeTheHeaderIsIgnored() {
        given().contentType(CSV).body(bytes("\uFEFFsensor;serial\r\na;B1\r\n"))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(1));

        given().queryParam("filters", "[{\"field\": \"serial\", \"operator\": \"eq\", \"value\": \"B1\"}]")
                .when().get("/api/v1/records/" + dataset).then().body("items[0].data.sensor", equalTo("a"));
    }

    @Test
    void aCsvValueOfTheWrongTypeIs400NamingRowAndFieldAndNothingIsWritten() {
        given().contentType(CSV).body("sensor,reading\na,1\nb,twelve\n")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400)
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("reading"));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aCsvHeaderNamingAnUnknownPropertyIs400() {
        given().contentType(CSV).body("sensor,colour\na,red\n")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void malformedCsvIs400AndNothingIsWritten() {
        given().contentType(CSV).body("sensor,reading\na,1\n\"b,2\n")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(CSV).body("sensor,reading\na,1,3\n")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).body("errors[0].row", equalTo(0));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aBodyOverTheByteLimitIs413AndNothingIsWritten() {
        String padding = "x".repeat(2_000);
        StringBuilder body = new StringBuilder("sensor,serial\n");
        for (int i = 0; i < 40; i++) {
            body.append(padding).append(",P").append(i).append('\n');
        }

        given().contentType(CSV).body(body.toString())
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(413).contentType("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void anotherBodyTypeIs415() {
        given().contentType("application/xml").body("<a/>")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
