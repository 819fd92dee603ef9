package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What HTTP clients and caches rely on beyond the API's own rules. */
@QuarkusTest
class HttpConventionsTest {

    /** Asks for gzip but leaves the body as it came, so that the answer's encoding can be seen. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void aJsonAnswerIsGzippedWhenTheClientAsks() {
        given().config(RAW).header("Accept-Encoding", "gzip").when().get("/api/v1/schemas")
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void anNdjsonStreamIsGzippedWhenTheClientAsks() {
        TestDatasets.createRecord("sensor_reading", "{\"sensor\": \"gzip\"}");

        given().config(RAW).header("Accept-Encoding", "gzip").when().get("/api/v1/records/sensor_reading/stream")
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void aParquetStreamIsNotGzipped() {
        TestDatasets.createRecord("sensor_reading", "{\"sensor\": \"plain\"}");

        given().config(RAW).header("Accept-Encoding", "gzip").queryParam("format", "parquet")
                .when().get("/api/v1/records/sensor_reading/stream")
                .then().statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.not("gzip"));
    }

    @Test
    void withoutAcceptEncodingNothingIsCompressed() {
        given().config(RAW).header("Accept-Encoding", "identity").when().get("/api/v1/schemas")
                .then().statusCode(200).header("Content-Encoding", nullValue());
    }

    @Test
    void aSchemaReadWithItsCurrentEtagInIfNoneMatchIs304() {
        given().header("If-None-Match", "\"1\"").when().get("/api/v1/schemas/well_production")
                .then().statusCode(304).header("ETag", "\"1\"");
    }

    @Test
    void aMethodTheResourceDoesNotHaveIs405NamingTheOnesItHas() {
        given().when().put("/api/v1/schemas")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .header("Allow", containsString("GET")).header("Allow", containsString("POST"));
    }

    @Test
    void aRequestLineOverTheLimitIs414AsProblemJson() {
        given().queryParam("filters", "x".repeat(RequestHeadChecks.MAX_REQUEST_LINE))
                .when().get("/api/v1/records/well_production")
                .then().statusCode(414).contentType(Problem.MEDIA_TYPE).body("status", equalTo(414));
    }

    @Test
    void headersOverTheLimitAre431AsProblemJson() {
        given().header("X-Padding", "x".repeat(RequestHeadChecks.MAX_HEADERS))
                .when().get("/api/v1/schemas")
                .then().statusCode(431).contentType(Problem.MEDIA_TYPE).body("status", equalTo(431));
    }
}
