package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** While the database's disk is short of space, writes are refused with 507 before they start; reads go on. */
@QuarkusTest
@TestProfile(DiskSpaceTest.NeverEnoughSpace.class)
class DiskSpaceTest {

    public static class NeverEnoughSpace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("duckforge.duckdb.min-free-disk-bytes", Long.toString(Long.MAX_VALUE));
        }
    }

    @Test
    void aCreateIs507AndWritesNothing() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"s1\"}")
                .when().post("/api/v1/records/sensor_reading")
                .then().statusCode(507).contentType("application/problem+json")
                .body("type", equalTo("urn:duckforge:problem:out-of-disk"));
        given().when().get("/api/v1/records/sensor_reading/count").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void aDatasetCannotBeDeclared() {
        given().contentType(ContentType.JSON).body("{\"name\": \"later\", \"properties\": [{\"name\": \"x\", \"type\": \"string\"}]}")
                .when().post("/api/v1/schemas")
                .then().statusCode(507);
        given().when().get("/api/v1/schemas/later").then().statusCode(404);
    }

    @Test
    void readsAndQueriesInABodyGoOn() {
        given().when().get("/api/v1/records/sensor_reading").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"size\": 5}")
                .when().post("/api/v1/records/sensor_reading/query").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void anAggregateInABodyGoesOn() {
        given().contentType(ContentType.JSON).body("{\"group_by\": [\"sensor\"]}")
                .when().post("/api/v1/records/sensor_reading/aggregate").then().statusCode(200);
    }
}
