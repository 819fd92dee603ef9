package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

/**
 * Tries SQL injection through every parameter. Identifiers come only from the schema and values are bound, so each
 * attempt is either refused (400/404) or treated as a plain value; the table and its rows survive.
 */
@QuarkusTest
class SqlInjectionTest {

    private static final String PAYLOAD = "x'; DROP TABLE %s; --";
    private static final String IDENTIFIER_PAYLOAD = "reading\\\" FROM x; DROP TABLE %s; --";

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings();
        TestDatasets.createRecord(dataset, "{\"sensor\": \"a\", \"reading\": 1}");
    }

    private String payload() {
        return PAYLOAD.formatted(dataset);
    }

    private void tableIsIntact() {
        given().when().get("/api/v1/records/" + dataset + "/count").then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void throughTheDatasetPath() {
        given().when().get("/api/v1/records/" + dataset + "; DROP TABLE " + dataset + "/count").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/records/" + dataset + "\" --").then().statusCode(404);
        tableIsIntact();
    }

    @Test
    void throughAFilterValueWhichIsBoundAsAPlainString() {
        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"" + payload() + "\"}]")
                .when().get("/api/v1/records/" + dataset)
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("filters", "[{\"field\": \"sensor\", \"operator\": \"in\", \"value\": [\"a\", \"" + payload() + "\"]}]")
                .when().get("/api/v1/records/" + dataset + "/count")
                .then().statusCode(200).body("count", equalTo(1));
        tableIsIntact();
    }

    @Test
    void throughAFilterFieldAndOperator() {
        given().queryParam("filters", "[{\"field\": \"" + IDENTIFIER_PAYLOAD.formatted(dataset) + "\", \"operator\": \"eq\", \"value\": 1}]")
                .when().get("/api/v1/records/" + dataset).then().statusCode(400);
        given().queryParam("filters", "[{\"field\": \"reading\", \"operator\": \"= 1 OR 1=1; --\", \"value\": 1}]")
                .when().get("/api/v1/records/" + dataset).then().statusCode(400);
        tableIsIntact();
    }

    @Test
    void throughSortFieldAndOrder() {
        given().queryParam("sort", "[{\"field\": \"" + IDENTIFIER_PAYLOAD.formatted(dataset) + "\"}]")
                .when().get("/api/v1/records/" + dataset).then().statusCode(400);
        given().queryParam("sort", "[{\"field\": \"reading\", \"order\": \"asc; DROP TABLE " + dataset + "\"}]")
                .when().get("/api/v1/records/" + dataset).then().statusCode(400);
        tableIsIntact();
    }

    @Test
    void throughFieldsPageSizeAndId() {
        given().queryParam("fields", "reading, 1; DROP TABLE " + dataset).when().get("/api/v1/records/" + dataset).then().statusCode(400);
        given().queryParam("page", "1; DROP TABLE " + dataset).when().get("/api/v1/records/" + dataset).then().statusCode(400);
        given().queryParam("size", "1 OR 1=1").when().get("/api/v1/records/" + dataset).then().statusCode(400);
        given().when().get("/api/v1/records/" + dataset + "/x' OR '1'='1").then().statusCode(is(oneOf(400, 404)));
        tableIsIntact();
    }

    @Test
    void throughRecordDataKeysAndValues() {
        given().contentType(ContentType.JSON).body("{\"sensor\\\"); DROP TABLE " + dataset + "; --\": \"a\"}")
                .when().post("/api/v1/records/" + dataset).then().statusCode(400);
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"" + payload() + "\"}");
        given().when().get("/api/v1/records/" + dataset + "/" + id).then().body("data.sensor", equalTo(payload()));
        assertThat(TestDatasets.count(dataset)).isEqualTo(2);
    }

    @Test
    void throughADeclaredSchemaName() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\\\" (a INT); DROP TABLE " + dataset + "; --\", \"properties\": [{\"name\": \"a\", \"type\": \"string\"}]}")
                .when().post("/api/v1/schemas").then().statusCode(400);
        tableIsIntact();
    }
}
