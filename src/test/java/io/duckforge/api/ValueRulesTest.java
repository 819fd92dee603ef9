package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.duckforge.api.ColumnarBodies.ARROW;
import static io.duckforge.api.ColumnarBodies.PARQUET;
import static io.duckforge.api.ColumnarBodies.arrow;
import static io.duckforge.api.ColumnarBodies.parquet;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * One set of value rules for every way a value arrives: a value a JSON body is refused for is refused in CSV,
 * Parquet and Arrow bodies, on updates and as a filter value, with 400 naming the field and nothing stored.
 */
@QuarkusTest
class ValueRulesTest {

    private String dataset;

    @BeforeEach
    void declareDataset() {
        dataset = TestDatasets.declareReadings();
    }

    private void refusedAsSingleCreate(String data, String field) {
        given().contentType(ContentType.JSON).body(data)
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    private void refusedAsBulk(String contentType, byte[] body, String field) {
        given().contentType(contentType).body(body)
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "-0001-01-01", "+10000-01-01", "+5881581-01-01"})
    void aDateOutsideTheYears0001To9999IsRefusedOnCreate(String day) {
        refusedAsSingleCreate("{\"sensor\": \"a\", \"day\": \"" + day + "\"}", "day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+294248-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "0001-01-01T00:30:00+01:00", "+10000-01-01T00:00:00Z"})
    void aDatetimeOutsideTheYears0001To9999IsRefusedInABulkBody(String instant) {
        refusedAsBulk("application/json", ("[{\"sensor\": \"a\"}, {\"sensor\": \"b\", \"taken_at\": \"" + instant + "\"}]").getBytes(), "taken_at");
    }

    @Test
    void anOutOfRangeDateIsRefusedInCsv() {
        refusedAsBulk("text/csv", "sensor,day\na,2024-01-01\nb,0000-01-01\n".getBytes(), "day");
    }

    @Test
    void anOutOfRangeDatetimeAsAFilterValueIs400() {
        given().queryParam("filters", "[{\"field\": \"taken_at\", \"operator\": \"gte\", \"value\": \"+294248-01-01T00:00:00Z\"}]")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("filters[0].value"));
    }

    @Test
    void theExtremeDatesOfTheRangeAreStoredAndReadBackExactly() {
        String id = TestDatasets.createRecord(dataset,
                "{\"sensor\": \"a\", \"day\": \"0001-01-01\", \"taken_at\": \"9999-12-31T23:59:59.999999Z\"}");

        given().when().get("/api/v1/records/" + dataset + "/" + id).then()
                .body("data.day", equalTo("0001-01-01"))
                .body("data.taken_at", equalTo("9999-12-31T23:59:59.999999Z"));
        given().when().get("/api/v1/records/" + dataset + "/stream").then()
                .body(containsString("\"day\":\"0001-01-01\""))
                .body(containsString("\"taken_at\":\"9999-12-31T23:59:59.999999Z\""));
    }

    @Test
    void aJsonNumberBeyondADoubleIsRefused() {
        refusedAsSingleCreate("{\"sensor\": \"a\", \"payload\": {\"x\": 1e400}}", "payload");
    }

    @Test
    void aLoneSurrogateInAStringIsRefused() {
        refusedAsSingleCreate("{\"sensor\": \"\\ud800x\"}", "sensor");
    }

    @Test
    void aLoneSurrogateInsideAJsonDocumentIsRefused() {
        refusedAsSingleCreate("{\"sensor\": \"a\", \"payload\": {\"k\": [\"\\udc00\"]}}", "payload");
    }

    @Test
    void aPatchCannotStoreAnOutOfRangeDate() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"a\"}");

        given().contentType(ContentType.JSON).body("{\"day\": \"0000-01-01\"}")
                .when().patch("/api/v1/records/" + dataset + "/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("day"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p3", "1.5d", "+1", "NaN", "Infinity", "1."})
    void csvNumbersFollowJsonGrammar(String text) {
        refusedAsBulk("text/csv", ("sensor,level\na," + text + "\n").getBytes(), "level");
    }

    @Test
    void aCsvHeaderNamingAColumnTwiceIsRefused() {
        refusedAsBulk("text/csv", "sensor,reading,reading\na,1,2\n".getBytes(), "reading");
    }

    @Test
    void aCsvBodyWithAByteOrderMarkAndATrailingBlankLineIsAccepted() {
        given().contentType("text/csv").body("\uFEFFsensor,reading\na,1\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201).body("records_created", equalTo(1));
    }

    @Test
    void parquetNaNInANumberIsRefusedNamingTheRow() throws Exception {
        byte[] body = parquet("SELECT 's' AS sensor, CASE WHEN i = 1 THEN 'nan'::DOUBLE ELSE i END AS level FROM range(3) r(i)");

        given().contentType(PARQUET).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).body("errors[0].field", equalTo("level")).body("errors[0].row", equalTo(1));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void parquetInfinityInANumberIsRefused() throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT 's' AS sensor, 'infinity'::DOUBLE AS level"), "level");
    }

    @Test
    void parquetFractionalNumbersIntoAnIntegerAreRefused() throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT 's' AS sensor, 1.5::DOUBLE AS reading"), "reading");
    }

    @Test
    void parquetTextIntoAnIntegerIsRefused() throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT 's' AS sensor, '12' AS reading"), "reading");
    }

    @Test
    void parquetBooleansIntoANumberAreRefused() throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT 's' AS sensor, true AS level"), "level");
    }

    @Test
    void parquetTimestampsWithoutATimeZoneAreRefused() throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT 's' AS sensor, TIMESTAMP '2024-01-01 00:00:00' AS taken_at"), "taken_at");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1e400]", "{\"a\": [NaN]}", "-Infinity"})
    void parquetJsonTextWithANumberNoJsonBodyMayCarryIsRefused(String document) throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT 's' AS sensor, '" + document + "' AS payload"), "payload");
    }

    @Test
    void arrowJsonTextWithAnInfiniteNumberIsRefused() throws Exception {
        refusedAsBulk(ARROW, arrow("SELECT 's' AS sensor, '{\"x\": -1e999}' AS payload", 1024), "payload");
    }

    @Test
    void parquetStructsIntoAStringAreRefused() throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT {'x': 1} AS sensor"), "sensor");
    }

    @Test
    void parquetDatesOutsideTheRangeAreRefused() throws Exception {
        refusedAsBulk(PARQUET, parquet("SELECT 's' AS sensor, DATE '0000-01-01' AS day"), "day");
    }

    @Test
    void arrowNaNInANumberIsRefused() throws Exception {
        refusedAsBulk(ARROW, arrow("SELECT 's' AS sensor, 'nan'::DOUBLE AS level", 10), "level");
    }

    @Test
    void arrowFractionalNumbersIntoAnIntegerAreRefused() throws Exception {
        refusedAsBulk(ARROW, arrow("SELECT 's' AS sensor, 1.5::DOUBLE AS reading", 10), "reading");
    }

    @Test
    void arrowTimestampsWithoutATimeZoneAreRefused() throws Exception {
        refusedAsBulk(ARROW, arrow("SELECT 's' AS sensor, TIMESTAMP '2024-01-01 00:00:00' AS taken_at", 10), "taken_at");
    }

    @Test
    void aCorruptParquetBodyIs400WithoutInternals() throws Exception {
        byte[] body = parquet("SELECT repeat('sensor-' || i, 20) AS sensor, i AS reading FROM range(400) r(i)");
        for (int i = 200; i < body.length / 2; i += 7) {
            body[i] = (byte) (body[i] ^ 0x5a);
        }

        given().contentType(PARQUET).body(body).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Error")))
                .body(not(containsString(".parquet")));
        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void anEmptyArrowBodyIs400WithoutInternals() {
        given().contentType(ARROW).body(new byte[0]).when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400)
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void likeMatchesALiteralPercentWhenEscaped() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"100%\"}");
        TestDatasets.createRecord(dataset, "{\"sensor\": \"1000\"}");

        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"like\", \"value\": \"100\\\\%\"}]")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].data.sensor", equalTo("100%"));
    }

    @Test
    void aLikePatternEndingInALoneEscapeIs400() {
        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"like\", \"value\": \"abc\\\\\"}]")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("filters[0].value"));
    }

    @Test
    void aDatasetCannotTakeTheNameOfAnInternalObject() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"duckforge_arrow_body\", \"properties\": [{\"name\": \"s\", \"type\": \"string\"}]}")
                .when().post("/api/v1/schemas")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }
}
