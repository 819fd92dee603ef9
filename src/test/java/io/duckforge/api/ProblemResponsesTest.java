package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ProblemResponsesTest {

    @Test
    void anUnknownPathUnderApiIs404Problem() {
        given().when().get("/api/v1/nothing/here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/nothing/here"));
    }

    @Test
    void anUnsupportedMethodIs405Problem() {
        given().when().delete("/api/v1/schemas")
                .then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsAProblemWithoutAStackTrace() {
        given().contentType("application/json").body("{\"schema_name\": ")
                .when().post("/api/v1/records")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:duckforge:problem:malformed-json"))
                .body(not(containsString("at io.")));
    }
}
