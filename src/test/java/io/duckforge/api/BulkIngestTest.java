package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class BulkIngestTest {

    /** {@code %test.duckforge.bulk.max-rows}. */
    private static final int MAX_ROWS = 500;

    private String dataset;

    @BeforeEach
    void declareDataset() {
        dataset = TestDatasets.declareReadings();
    }

    private static String rows(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"sensor\": \"s-" + (i % 7) + "\", \"serial\": \"S" + i + "\", \"reading\": " + i + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void aJsonArrayIsWrittenAndCounted() {
        given().contentType(ContentType.JSON).body(rows(MAX_ROWS))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201)
                .body("records_created", equalTo(MAX_ROWS));

        assertThat(TestDatasets.count(dataset)).isEqualTo(MAX_ROWS);
        given().queryParam("filters", "[{\"field\": \"serial\", \"operator\": \"eq\", \"value\": \"S499\"}]")
                .when().get("/api/v1/records/" + dataset)
                .then().body("items[0].data.reading", equalTo(499))
                .body("items[0].data.active", equalTo(true))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void withoutASortTheRowsOfOneBodyComeBackInTheBodysOrder() {
        given().contentType(ContentType.JSON).body(rows(MAX_ROWS))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(201);

        java.util.List<Integer> readings = given().queryParam("size", MAX_ROWS)
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).extract().path("items.data.reading");

        assertThat(readings).isEqualTo(IntStream.range(0, MAX_ROWS).boxed().toList());
    }

    @Test
    void theEnvelopeFormStreamsWhenTheSchemaNameComesFirst() {
        given().contentType(ContentType.JSON)
                .body("{\"schema_name\": \"" + dataset + "\", \"data\": " + rows(3) + "}")
                .when().post("/api/v1/records/bulk")
                .then().statusCode(201)
                .body("records_created", equalTo(3));
        assertThat(TestDatasets.count(dataset)).isEqualTo(3);
    }

    @Test
    void theEnvelopeFormAcceptsTheDataBeforeTheSchemaName() {
        given().contentType(ContentType.JSON)
                .body("{\"data\": " + rows(4) + ", \"schema_name\": \"" + dataset + "\"}")
                .when().post("/api/v1/records/bulk")
                .then().statusCode(201)
                .body("records_created", equalTo(4));
    }

    @Test
    void aBadRowIs400NamingRowAndFieldAndNothingIsWritten() {
        String body = "[{\"sensor\": \"a\"}, {\"sensor\": \"b\", \"reading\": \"x\"}, {\"reading\": 3}]";

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.row", hasItems(1, 2))
                .body("errors.find { it.row == 1 }.field", equalTo("reading"))
                .body("errors.find { it.row == 2 }.field", equalTo("sensor"));

        assertThat(TestDatasets.count(dataset)).isEqualTo(0);
    }

    @Test
    void aBadRowAfterManyGoodOnesStillWritesNothing() {
        String good = rows(MAX_ROWS - 1);
        String body = good.substring(0, good.length() - 1) + ", {\"sensor\": 5}]";

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400)
                .body("errors[0].row", equalTo(MAX_ROWS - 1));
        assertThat(TestDatasets.count(dataset)).isEqualTo(0);
    }

    @Test
    void aUniqueViolationIs409AndNothingIsWritten() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s\", \"serial\": \"S2\"}");

        given().contentType(ContentType.JSON).body(rows(10))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isEqualTo(1);
    }

    @Test
    void aDuplicateWithinTheBodyIs409AndNothingIsWritten() {
        given().contentType(ContentType.JSON)
                .body("[{\"sensor\": \"a\", \"serial\": \"same\"}, {\"sensor\": \"b\", \"serial\": \"same\"}]")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(409);
        assertThat(TestDatasets.count(dataset)).isEqualTo(0);
    }

    @Test
    void moreRowsThanTheLimitIs413AndNothingIsWritten() {
        given().contentType(ContentType.JSON).body(rows(MAX_ROWS + 1))
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(413)
                .contentType("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isEqualTo(0);
    }

    @Test
    void aBodyThatIsNotAnArrayIs400() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"a\"}")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void truncatedJsonIs400AndNothingIsWritten() {
        given().contentType(ContentType.JSON).body("[{\"sensor\": \"a\"}, {\"sensor\": ")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(TestDatasets.count(dataset)).isEqualTo(0);
    }

    @Test
    void theEnvelopeNeedsASchemaName() {
        given().contentType(ContentType.JSON).body("{\"data\": []}")
                .when().post("/api/v1/records/bulk")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("schema_name"));
    }
}
