package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** PATCH /api/v1/schemas/{schema}: ordered changes, one transaction, a new version, a history entry. */
@QuarkusTest
class SchemaMigrationTest {

    private String dataset;

    @BeforeEach
    void declare() {
        dataset = TestDatasets.declareReadings();
    }

    private ValidatableResponse migrate(String changes) {
        return TestDatasets.patchSchema(dataset, "{\"changes\": " + changes + "}");
    }

    private ValidatableResponse record(String id) {
        return given().when().get("/api/v1/records/" + dataset + "/" + id).then().statusCode(200);
    }

    private ValidatableResponse matching(String filter) {
        return given().queryParam("filters", "[" + filter + "]").when().get("/api/v1/records/" + dataset).then();
    }

    private int version() {
        return given().when().get("/api/v1/schemas/" + dataset).then().extract().path("version");
    }

    @Test
    void addingAPropertyBackfillsItsDefaultIntoExistingRecords() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");

        migrate("[{\"op\": \"add_property\", \"property\": {\"name\": \"site\", \"type\": \"string\", \"default\": \"north\"}}]")
                .statusCode(200)
                .body("from_version", equalTo(1))
                .body("to_version", equalTo(2))
                .body("rows_touched", equalTo(1))
                .body("schema.properties.name", hasItem("site"));

        record(id).body("data.site", equalTo("north")).body("data.sensor", equalTo("s1"));
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s2\", \"site\": \"south\"}");
        matching("{\"field\": \"site\", \"operator\": \"eq\", \"value\": \"south\"}").body("items", hasSize(1));
    }

    @Test
    void addingANullablePropertyWithoutDefaultChangesTheTableInPlace() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");

        migrate("[{\"op\": \"add_property\", \"property\": {\"name\": \"note\", \"type\": \"string\", \"indexed\": true}}]")
                .statusCode(200)
                .body("strategy", equalTo("in_place"))
                .body("indexes_built", contains(dataset + ".note.idx"));

        record(id).body("data.note", nullValue());
    }

    @Test
    void renamingAnIndexedPropertyKeepsItsValuesAndIndex() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");

        migrate("[{\"op\": \"rename_property\", \"name\": \"sensor\", \"to\": \"device\"}]")
                .statusCode(200)
                .body("strategy", equalTo("rebuild"))
                .body("indexes_built", hasItem(dataset + ".device.idx"));

        record(id).body("data.device", equalTo("s1")).body("data", not(hasKey("sensor")));
        matching("{\"field\": \"device\", \"operator\": \"eq\", \"value\": \"s1\"}").body("items", hasSize(1));
        matching("{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"s1\"}").statusCode(400);
    }

    @Test
    void droppingAUniquePropertyRemovesItsValuesAndConstraint() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\", \"serial\": \"A\"}");

        migrate("[{\"op\": \"drop_property\", \"name\": \"serial\"}]").statusCode(200);

        record(id).body("data", not(hasKey("serial"))).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"sensor\": \"s2\", \"serial\": \"A\"}")
                .when().post("/api/v1/records/" + dataset).then().statusCode(400);
    }

    @Test
    void changingATypeConvertsEveryStoredValue() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\", \"serial\": \"42\"}");

        migrate("[{\"op\": \"change_type\", \"name\": \"serial\", \"type\": \"integer\"}]").statusCode(200);

        record(id).body("data.serial", equalTo(42));
        matching("{\"field\": \"serial\", \"operator\": \"gt\", \"value\": 41}").body("items", hasSize(1));
    }

    @Test
    void aTypeChangeThatSomeValuesCannotTakeIsRefusedWithTheirCountAndExamples() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\", \"serial\": \"42\"}");
        String bad = TestDatasets.createRecord(dataset, "{\"sensor\": \"s2\", \"serial\": \"forty-two\"}");

        migrate("[{\"op\": \"change_type\", \"name\": \"serial\", \"type\": \"integer\"}]")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("records", equalTo(1))
                .body("errors[0].field", equalTo("changes[0]"))
                .body("examples[0].id", equalTo(bad))
                .body("examples[0].value", equalTo("forty-two"));

        assertUnchanged(2);
    }

    @Test
    void aTypeChangeThatWouldLoseDigitsIsRefused() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\", \"level\": 1.5}");

        migrate("[{\"op\": \"change_type\", \"name\": \"level\", \"type\": \"integer\"}]")
                .statusCode(409)
                .body("examples[0].value", equalTo("1.5"));
    }

    @Test
    void makingAPropertyRequiredIsRefusedWhileRecordsLackIt() {
        String id = TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");

        migrate("[{\"op\": \"set_required\", \"name\": \"reading\"}]")
                .statusCode(409)
                .body("detail", containsString("1 records have no value for 'reading'"))
                .body("examples[0].id", equalTo(id));

        given().contentType(ContentType.JSON).body("{\"reading\": 7}").when().patch("/api/v1/records/" + dataset + "/" + id)
                .then().statusCode(200);
        migrate("[{\"op\": \"set_required\", \"name\": \"reading\"}]").statusCode(200);
        given().contentType(ContentType.JSON).body("{\"sensor\": \"s2\"}")
                .when().post("/api/v1/records/" + dataset).then().statusCode(400);
    }

    @Test
    void makingAPropertyUniqueIsRefusedWhileValuesRepeat() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"same\"}");
        TestDatasets.createRecord(dataset, "{\"sensor\": \"same\"}");

        migrate("[{\"op\": \"set_unique\", \"name\": \"sensor\"}]")
                .statusCode(409)
                .body("examples[0].value", equalTo("same"))
                .body("examples[0].records", equalTo(2));
    }

    @Test
    void aUniquePropertyAddedByMigrationRefusesDuplicates() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\", \"reading\": 1}");

        migrate("[{\"op\": \"set_unique\", \"name\": \"reading\"}]").statusCode(200).body("strategy", equalTo("in_place"));

        given().contentType(ContentType.JSON).body("{\"sensor\": \"s2\", \"reading\": 1}")
                .when().post("/api/v1/records/" + dataset).then().statusCode(409);
    }

    @Test
    void allChangesOfARequestApplyOrNone() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\", \"serial\": \"x\"}");

        migrate("[{\"op\": \"add_property\", \"property\": {\"name\": \"site\", \"type\": \"string\"}}, "
                + "{\"op\": \"rename_property\", \"name\": \"sensor\", \"to\": \"device\"}, "
                + "{\"op\": \"change_type\", \"name\": \"serial\", \"type\": \"integer\"}]")
                .statusCode(409)
                .body("errors[0].field", equalTo("changes[2]"));

        assertUnchanged(1);
    }

    @Test
    void aDryRunReturnsThePlanAndChangesNothing() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");

        TestDatasets.patchSchema(dataset, "{\"dry_run\": true, \"changes\": [{\"op\": \"rename_property\", \"name\": \"sensor\", \"to\": \"device\"}]}")
                .statusCode(200)
                .body("dry_run", equalTo(true))
                .body("strategy", equalTo("rebuild"))
                .body("rows_touched", equalTo(1))
                .body("statements[0]", containsString("CREATE TABLE"))
                .body("indexes_built", hasItem(dataset + ".device.idx"));

        assertUnchanged(1);
    }

    @Test
    void theHistoryListsEveryVersionWithItsChangesAndWhoAppliedThem() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");
        TestDatasets.patchSchema(dataset, "{\"actor\": \"ops-team\", \"changes\": [{\"op\": \"add_index\", \"name\": \"reading\"}]}")
                .statusCode(200);
        migrate("[{\"op\": \"set_description\", \"description\": \"Sensor readings\"}]").statusCode(200);

        given().when().get("/api/v1/schemas/" + dataset + "/migrations")
                .then().statusCode(200)
                .body("version", contains(1, 2, 3))
                .body("[0].strategy", equalTo("create"))
                .body("[0].applied_by", matchesPattern("api:[0-9a-f.:]+"))
                .body("[1].changes[0].op", equalTo("add_index"))
                .body("[1].applied_by", equalTo("ops-team"))
                .body("[1].rows_touched", equalTo(1))
                .body("[2].applied_by", containsString("api:"))
                .body("[2].applied_at", not(nullValue()));
        given().when().get("/api/v1/schemas/" + dataset).then().body("description", equalTo("Sensor readings"));
    }

    @Test
    void aMigrationWithTheCurrentVersionInIfMatchAppliesAndAnswersTheNewVersionAsETag() {
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"changes\": [{\"op\": \"add_index\", \"name\": \"reading\"}]}")
                .when().patch("/api/v1/schemas/" + dataset)
                .then().statusCode(200)
                .header("ETag", "\"2\"");
        given().when().get("/api/v1/schemas/" + dataset).then().header("ETag", "\"2\"");
    }

    @Test
    void aMigrationWithAStaleIfMatchIs412AndChangesNothing() {
        migrate("[{\"op\": \"add_index\", \"name\": \"reading\"}]").statusCode(200);

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"changes\": [{\"op\": \"drop_property\", \"name\": \"serial\"}]}")
                .when().patch("/api/v1/schemas/" + dataset)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("is at version 2, not 1"));

        given().when().get("/api/v1/schemas/" + dataset).then().body("properties.name", hasItem("serial"));
    }

    @Test
    void aChangeToAnUnknownPropertyIs400NamingTheChange() {
        migrate("[{\"op\": \"add_index\", \"name\": \"reading\"}, {\"op\": \"drop_property\", \"name\": \"nope\"}]")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("changes[1].name"));
        assertUnchanged(0);
    }

    @Test
    void anUnknownOpIs400ListingTheKnownOnes() {
        migrate("[{\"op\": \"rename\", \"name\": \"sensor\"}]")
                .statusCode(400)
                .body("errors[0].field", equalTo("changes[0].op"))
                .body("errors[0].message", containsString("rename_property"));
    }

    @Test
    void aMigrationOfAnUnknownDatasetIs404() {
        TestDatasets.patchSchema("no_such_dataset", "{\"changes\": [{\"op\": \"add_index\", \"name\": \"a\"}]}")
                .statusCode(404);
    }

    @Test
    void droppingADatasetWithoutConfirmationIs400AndKeepsIt() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");

        given().when().delete("/api/v1/schemas/" + dataset + "?confirm=other")
                .then().statusCode(400).body("errors[0].field", equalTo("confirm"));

        assertUnchanged(1);
    }

    @Test
    void droppingADatasetWithConfirmationRemovesItsRecordsAndHistory() {
        TestDatasets.createRecord(dataset, "{\"sensor\": \"s1\"}");

        given().when().delete("/api/v1/schemas/" + dataset + "?confirm=" + dataset).then().statusCode(204);

        given().when().get("/api/v1/schemas/" + dataset).then().statusCode(404);
        given().when().get("/api/v1/records/" + dataset + "/count").then().statusCode(404);
        given().when().get("/api/v1/schemas/" + dataset + "/migrations").then().statusCode(404);
    }

    /** Version 1, its properties, its history and its records as they were declared and written. */
    private void assertUnchanged(int records) {
        assertThat(version()).isEqualTo(1);
        given().when().get("/api/v1/schemas/" + dataset)
                .then().body("properties.name", contains("sensor", "serial", "reading", "level", "active", "day",
                        "taken_at", "batch", "payload"));
        given().when().get("/api/v1/schemas/" + dataset + "/migrations").then().body("version", contains(1));
        assertThat(TestDatasets.count(dataset)).isEqualTo(records);
    }
}
