package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RecordResourceTest {

    private static final String FULL_READING = """
            {"sensor": "s-1", "serial": "A-1", "reading": 42, "level": 0.5, "active": false, "day": "2024-01-31",
             "taken_at": "2024-01-31T12:00:00+02:00", "batch": "7d444840-9dc0-11d1-b245-5ffdce74fad2",
             "payload": {"raw": [1, 2], "ok": true}}""";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private String dataset;

    @BeforeEach
    void declareDataset() {
        dataset = TestDatasets.declareReadings();
    }

    @Test
    void creatingARecordAnswers201WithTheRecordLocationAndETag() {
        String id = given().contentType(ContentType.JSON).body(FULL_READING)
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("schema_name", equalTo(dataset))
                .body("version", equalTo(1))
                .body("data.reading", equalTo(42))
                .body("data.taken_at", equalTo("2024-01-31T10:00:00Z"))
                .body("data.payload.raw", hasItems(1, 2))
                .extract().path("id");

        given().when().get("/api/v1/records/" + dataset + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("data.sensor", equalTo("s-1"))
                .body("data.level", equalTo(0.5f))
                .body("data.active", equalTo(false))
                .body("data.day", equalTo("2024-01-31"))
                .body("data.taken_at", equalTo("2024-01-31T10:00:00Z"))
                .body("data.batch", equalTo("7d444840-9dc0-11d1-b245-5ffdce74fad2"))
                .body("data.payload.ok", equalTo(true))
                .body("created_at", equalTo(given().get("/api/v1/records/" + dataset + "/" + id).path("updated_at")));
    }

    @Test
    void theLocationHeaderPointsAtTheRecord() {
        String location = given().contentType(ContentType.JSON).body("{\"sensor\": \"s\"}")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/records/" + dataset + "/" + UUID_PATTERN))
                .extract().header("Location");

        given().when().get(location).then().statusCode(200).body("data.sensor", equalTo("s"));
    }

    @Test
    void theEnvelopeFormNamesTheSchemaInTheBody() {
        given().contentType(ContentType.JSON)
                .body("{\"schema_name\": \"" + dataset + "\", \"data\": {\"sensor\": \"s-2\"}}")
                .when().post("/api/v1/records")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/" + UUID_PATTERN))
                .body("data.sensor", equalTo("s-2"))
                .body("data.active", equalTo(true))
                .body("data.reading", nullValue());
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void anIntegerPropertyRefusesAStringAndAFraction() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"s\", \"reading\": \"12\"}")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reading"));
        given().contentType(ContentType.JSON).body("{\"sensor\": \"s\", \"reading\": 1.5}")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("reading"));
        assertThat(TestDatasets.count(dataset)).isEqualTo(0);
    }

    @Test
    void aMissingRequiredPropertyAndAnUnknownOneAreNamed() {
        given().contentType(ContentType.JSON).body("{\"colour\": \"red\"}")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(400)
                .body("errors.field", hasItems("colour", "sensor"));
    }

    @Test
    void aDuplicateUniqueValueIs409AndStoresNothing() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s\", \"serial\": \"X\"}");

        given().contentType(ContentType.JSON).body("{\"sensor\": \"t\", \"serial\": \"X\"}")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void aRecordToAnUnknownDatasetIs404() {
        given().contentType(ContentType.JSON).body("{\"a\": 1}")
                .when().post("/api/v1/records/no_such_dataset")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anAbsentRecordIs404AndAMalformedIdIs400() {
        given().when().get("/api/v1/records/" + dataset + "/7d444840-9dc0-11d1-b245-5ffdce74fad2")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/records/" + dataset + "/not-a-uuid")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        given().contentType(ContentType.JSON).body("[1]")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("data"));
    }

    @Test
    void theEnvelopeRefusesUnknownKeys() {
        given().contentType(ContentType.JSON)
                .body("{\"schema_name\": \"" + dataset + "\", \"data\": {\"sensor\": \"s\"}, \"extra\": 1}")
                .when().post("/api/v1/records")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("extra"));
    }

    @Test
    void aWrongContentTypeIs415Problem() {
        given().contentType(ContentType.TEXT).body("sensor=s")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("instance", endsWith(dataset));
    }
}
