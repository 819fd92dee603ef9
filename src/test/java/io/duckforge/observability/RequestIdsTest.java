package io.duckforge.observability;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RequestIdsTest {

    @Test
    void aRequestWithoutAnIdIsAnsweredWithOneMadeForIt() {
        String id = given().when().get("/api/v1/schemas").then().statusCode(200).extract().header("X-Request-Id");

        assertThat(id).matches("[0-9a-f-]{36}");
    }

    @Test
    void aProxysIdIsKept() {
        given().header("X-Request-Id", "edge-7f3a9c").when().get("/api/v1/schemas")
                .then().statusCode(200).header("X-Request-Id", "edge-7f3a9c");
    }

    @Test
    void anIdThatCouldForgeLogLinesIsReplaced() {
        String id = given().header("X-Request-Id", "x\" status=200 forged").when().get("/api/v1/schemas")
                .then().statusCode(200).extract().header("X-Request-Id");

        assertThat(id).matches("[0-9a-f-]{36}");
    }

    @Test
    void aRefusedRequestCarriesAnIdToo() {
        given().when().get("/api/v1/records/no_such_dataset/count").then().statusCode(404).header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }
}
