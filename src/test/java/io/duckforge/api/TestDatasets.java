package io.duckforge.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Declares a fresh dataset through the API for each test that writes, so tests never share rows. */
final class TestDatasets {

    /** Seven readings with a level each but two, in this order; levels repeat, so the id breaks ties. */
    static final String LEVELLED_READINGS = """
            [{"sensor": "a", "reading": 1, "level": 2.0}, {"sensor": "a", "reading": 2, "level": 1.0},
             {"sensor": "a", "reading": 3}, {"sensor": "a", "reading": 4, "level": 2.0},
             {"sensor": "a", "reading": 5, "level": 3.0}, {"sensor": "a", "reading": 6},
             {"sensor": "b", "reading": 7, "level": 1.0}]""";
    /** The order of {@link #LEVELLED_READINGS}' levels, highest first, nulls last. */
    static final String BY_LEVEL_DESC = "[{\"field\": \"level\", \"order\": \"desc\"}]";

    /** Every property type, a unique string, an indexed string, a default. */
    static final String READING_PROPERTIES = """
            [{"name": "sensor", "type": "string", "required": true, "indexed": true},
             {"name": "serial", "type": "string", "unique": true},
             {"name": "reading", "type": "integer"},
             {"name": "level", "type": "number"},
             {"name": "active", "type": "boolean", "default": true},
             {"name": "day", "type": "date"},
             {"name": "taken_at", "type": "datetime"},
             {"name": "batch", "type": "uuid"},
             {"name": "payload", "type": "json"}]""";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestDatasets() {
    }

    static String declareReadings() {
        String name = "readings_" + System.nanoTime() % 1_000_000 + "_" + SEQUENCE.incrementAndGet();
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"properties\": " + READING_PROPERTIES + "}")
                .when().post("/api/v1/schemas")
                .then().statusCode(201);
        return name;
    }

    /** A fresh readings dataset holding {@code rows}, a JSON array of data objects. */
    static String declareReadings(String rows) {
        String name = declareReadings();
        given().contentType(ContentType.JSON).body(rows).when().post("/api/v1/records/" + name + "/bulk").then().statusCode(201);
        return name;
    }

    static String createRecord(String dataset, String data) {
        return given().contentType(ContentType.JSON).body(data)
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(201)
                .extract().path("id");
    }

    /** {@code PATCH /api/v1/schemas/{dataset}} with a whole migration body. */
    static ValidatableResponse patchSchema(String dataset, String body) {
        return given().contentType(ContentType.JSON).body(body).when().patch("/api/v1/schemas/" + dataset).then();
    }

    static int count(String dataset) {
        return given().when().get("/api/v1/records/" + dataset + "/count").then().statusCode(200).extract().path("count");
    }
}
