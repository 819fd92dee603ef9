package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** POST /api/v1/records/{schema}/query: the list endpoint's query in a body, for queries longer than a URL. */
@QuarkusTest
class RecordQueryBodyTest {

    private static String datasetWithSensors(String... sensors) {
        String dataset = TestDatasets.declareReadings();
        String body = IntStream.range(0, sensors.length)
                .mapToObj(i -> "{\"sensor\": \"" + sensors[i] + "\", \"reading\": " + i + "}")
                .collect(Collectors.joining("\n"));
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/records/" + dataset + "/bulk").then().statusCode(201);
        return dataset;
    }

    @Test
    void anInOfTwoThousandValuesFindsTheMatchingRecords() {
        String dataset = datasetWithSensors("a", "b", "c");
        String values = IntStream.range(0, 2_000).mapToObj(i -> "\"value-" + i + "\"").collect(Collectors.joining(","));

        given().contentType(ContentType.JSON)
                .body("{\"filters\": [{\"field\": \"sensor\", \"operator\": \"in\", \"value\": [" + values + ", \"a\", \"c\"]}],"
                        + " \"sort\": [{\"field\": \"sensor\", \"order\": \"desc\"}]}")
                .when().post("/api/v1/records/" + dataset + "/query")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.data.sensor", contains("c", "a"));
    }

    @Test
    void theSameInTravelsInAUrlToo() {
        String dataset = datasetWithSensors("a", "b", "c");
        String values = IntStream.range(0, 2_000).mapToObj(i -> "\"value-" + i + "\"").collect(Collectors.joining(","));

        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"in\", \"value\": [" + values + ", \"b\"]}]")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.data.sensor", contains("b"));
    }

    @Test
    void fieldsPageAndSizeShapeThePageAsTheirParametersDo() {
        String dataset = datasetWithSensors("a", "b", "c");

        given().contentType(ContentType.JSON)
                .body("{\"sort\": [{\"field\": \"reading\", \"order\": \"asc\"}], \"fields\": [\"reading\"], \"page\": 2, \"size\": 2}")
                .when().post("/api/v1/records/" + dataset + "/query")
                .then().statusCode(200)
                .body("items.data.reading", contains(2))
                .body("items[0].data", not(hasKey("sensor")))
                .body("page", equalTo(2)).body("has_next", equalTo(false)).body("has_previous", equalTo(true));
    }

    @Test
    void anUnknownKeyIs400NamingIt() {
        String dataset = datasetWithSensors("a");

        given().contentType(ContentType.JSON).body("{\"filter\": []}")
                .when().post("/api/v1/records/" + dataset + "/query")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("filter"));
    }

    @Test
    void aBadFilterIs400NamingItsEntry() {
        String dataset = datasetWithSensors("a");

        given().contentType(ContentType.JSON)
                .body("{\"filters\": [{\"field\": \"nope\", \"operator\": \"eq\", \"value\": 1}]}")
                .when().post("/api/v1/records/" + dataset + "/query")
                .then().statusCode(400).body("errors[0].field", equalTo("filters[0].field"));
    }

    @Test
    void aPageSizeThatIsNotAWholeNumberIs400() {
        String dataset = datasetWithSensors("a");

        given().contentType(ContentType.JSON).body("{\"size\": 2.5}")
                .when().post("/api/v1/records/" + dataset + "/query")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
