package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SchemaResourceTest {

    @Test
    void listsTheShippedAndTheConfiguredSchemas() {
        given().when().get("/api/v1/schemas")
                .then().statusCode(200)
                .body("name", hasItems("well_production", "sensor_reading"));
    }

    @Test
    void listPagesFollowTheirNextLinkThroughEveryDatasetInNameOrder() {
        List<String> all = given().when().get("/api/v1/schemas").then().extract().jsonPath().getList("name");
        List<String> paged = new ArrayList<>();
        String next = "/api/v1/schemas?limit=1";
        while (next != null) {
            Response page = given().when().get(next).then().statusCode(200).extract().response();
            List<String> names = page.jsonPath().getList("name");
            assertThat(names).hasSize(1);
            paged.addAll(names);
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertThat(paged).isEqualTo(all).isSorted();
    }

    @Test
    void listLimitOutOfRangeIs400NamingIt() {
        given().when().get("/api/v1/schemas?limit=1001")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void describesOneDatasetWithItsTypedProperties() {
        given().when().get("/api/v1/schemas/well_production")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("properties.size()", equalTo(14))
                .body("properties.find { it.name == 'production_period' }.type", equalTo("datetime"))
                .body("properties.find { it.name == 'source_data' }.type", equalTo("json"));
    }

    @Test
    void anUnknownDatasetIs404Problem() {
        given().when().get("/api/v1/schemas/no_such_thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("No dataset named 'no_such_thing' is declared"));
    }

    @Test
    void declaringADatasetCreatesAWritableTable() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"declared_one\", \"description\": \"d\", \"properties\": [{\"name\": \"code\", \"type\": \"integer\", \"unique\": true}]}")
                .when().post("/api/v1/schemas")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/schemas/declared_one"))
                .body("name", equalTo("declared_one"))
                .body("version", equalTo(1));

        TestDatasets.createRecord("declared_one", "{\"code\": 1}");
        given().when().get("/api/v1/schemas").then().body("name", hasItem("declared_one"));
        given().when().get("/api/v1/records/declared_one/count").then().body("count", equalTo(1));
    }

    @Test
    void declaringAnExistingNameIs409() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"well_production\", \"properties\": [{\"name\": \"a\", \"type\": \"string\"}]}")
                .when().post("/api/v1/schemas")
                .then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anInvalidSchemaIs400NamingEveryBadProperty() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"bad_one\", \"properties\": [{\"name\": \"A b\", \"type\": \"string\"}, {\"name\": \"id\", \"type\": \"uuid\"}]}")
                .when().post("/api/v1/schemas")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("properties[0] (A b).name", "properties[1] (id).name"));

        given().when().get("/api/v1/schemas/bad_one").then().statusCode(404);
    }

    @Test
    void anUnknownTypeIs400NamingTheProperty() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"bad_two\", \"properties\": [{\"name\": \"a\", \"type\": \"text\"}]}")
                .when().post("/api/v1/schemas")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("properties[0] (a).type"));
    }

    @Test
    void malformedJsonIs400Problem() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/schemas")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("The body is not valid JSON"));
    }
}
