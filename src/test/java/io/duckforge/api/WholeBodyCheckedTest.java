package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A bulk body is checked to its last byte before anything it carries is committed. */
@QuarkusTest
class WholeBodyCheckedTest {

    private static final String TWO_ROWS = "[{\"sensor\": \"a\"}, {\"sensor\": \"b\"}]";

    private String dataset;

    @BeforeEach
    void declareDataset() {
        dataset = TestDatasets.declareReadings();
    }

    @Test
    void trailingContentAfterTheArrayIs400AndWritesNothing() {
        given().contentType(ContentType.JSON).body(TWO_ROWS + " xyz")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aSecondValueAfterTheArrayIs400AndWritesNothing() {
        given().contentType(ContentType.JSON).body(TWO_ROWS + " [{\"sensor\": \"c\"}]")
                .when().post("/api/v1/records/" + dataset + "/bulk")
                .then().statusCode(400);

        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void anUnknownKeyAfterTheEnvelopeDataIs400NamingItAndWritesNothing() {
        given().contentType(ContentType.JSON)
                .body("{\"schema_name\": \"" + dataset + "\", \"data\": " + TWO_ROWS + ", \"oops\": 1}")
                .when().post("/api/v1/records/bulk")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("oops"));

        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aSecondDataKeyIs400AndWritesNothing() {
        given().contentType(ContentType.JSON)
                .body("{\"schema_name\": \"" + dataset + "\", \"data\": " + TWO_ROWS + ", \"data\": [{\"reading\": \"x\"}]}")
                .when().post("/api/v1/records/bulk")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("data"));

        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aSecondSchemaNameAfterTheDataIs400AndWritesNothing() {
        given().contentType(ContentType.JSON)
                .body("{\"schema_name\": \"" + dataset + "\", \"data\": " + TWO_ROWS + ", \"schema_name\": \"other\"}")
                .when().post("/api/v1/records/bulk")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("schema_name"));

        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void garbageAfterTheEnvelopeIs400AndWritesNothing() {
        given().contentType(ContentType.JSON)
                .body("{\"schema_name\": \"" + dataset + "\", \"data\": " + TWO_ROWS + "} trailing")
                .when().post("/api/v1/records/bulk")
                .then().statusCode(400);

        assertThat(TestDatasets.count(dataset)).isZero();
    }

    @Test
    void aSingleCreateWithASecondObjectAfterItIs400AndWritesNothing() {
        given().contentType(ContentType.JSON).body("{\"sensor\": \"a\"} {\"sensor\": \"b\"}")
                .when().post("/api/v1/records/" + dataset)
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(TestDatasets.count(dataset)).isZero();
    }
}
