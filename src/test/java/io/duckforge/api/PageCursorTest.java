package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Keyset cursors: {@code next_cursor} and {@code Link: rel="next"} lead through every record once, in order. */
@QuarkusTest
class PageCursorTest {

    private static final String BY_LEVEL_DESC = TestDatasets.BY_LEVEL_DESC;

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings(TestDatasets.LEVELLED_READINGS);
    }

    private Response page(String sort, String cursor) {
        return page(sort, null, cursor);
    }

    private Response page(String sort, String filters, String cursor) {
        var request = given().queryParam("size", 2);
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        if (filters != null) {
            request.queryParam("filters", filters);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get("/api/v1/records/" + dataset).then().statusCode(200).extract().response();
    }

    private List<Integer> walk(String sort) {
        return walk(sort, null);
    }

    private List<Integer> walk(String sort, String filters) {
        List<Integer> readings = new ArrayList<>();
        String cursor = null;
        do {
            Response page = page(sort, filters, cursor);
            readings.addAll(page.path("items.data.reading"));
            cursor = page.path("next_cursor");
        } while (cursor != null);
        return readings;
    }

    @Test
    void cursorsLeadThroughEveryRecordOnceInCreationOrder() {
        assertThat(walk(null)).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void cursorsFollowASortWithTiesAndNullsLast() {
        List<Integer> offsetOrder = given().queryParam("size", 100).queryParam("sort", BY_LEVEL_DESC)
                .when().get("/api/v1/records/" + dataset).then().extract().path("items.data.reading");

        assertThat(walk(BY_LEVEL_DESC)).containsExactlyElementsOf(offsetOrder);
        assertThat(offsetOrder.subList(5, 7)).containsExactlyInAnyOrder(3, 6);
    }

    @Test
    void pagesLookedUpThroughAnIndexKeepTheSortAcrossCursors() {
        String indexedSensor = "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"a\"}]";

        assertThat(walk(BY_LEVEL_DESC, indexedSensor)).containsExactly(5, 1, 4, 2, 3, 6);
    }

    @Test
    void aCursorPageKeepsTheTotalOfAllMatches() {
        String cursor = page(null, null).path("next_cursor");

        Response next = page(null, cursor);
        assertThat((Integer) next.path("total")).isEqualTo(7);
        assertThat((Object) next.path("page")).isNull();
        assertThat((Boolean) next.path("has_previous")).isTrue();
    }

    @Test
    void theNextPageIsLinked() {
        Response first = page(null, null);
        String link = first.header("Link");

        assertThat(link).startsWith("<").endsWith(">; rel=\"next\"").contains("cursor=").doesNotContain("page=");
        String next = link.substring(link.indexOf("/api/"), link.indexOf('>'));
        given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).body("items.data.reading", equalTo(List.of(3, 4)));
    }

    @Test
    void theLastPageHasNoCursorAndNoLink() {
        Response last = given().queryParam("size", 10).when().get("/api/v1/records/" + dataset).then().extract().response();

        assertThat((Object) last.path("next_cursor")).isNull();
        assertThat(last.header("Link")).isNull();
    }

    @Test
    void aChangedCursorIsRefused() {
        String cursor = page(null, null).path("next_cursor");
        String forged = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);

        given().queryParam("cursor", forged).when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aCursorOfAnotherSortOrDatasetIsRefused() {
        String cursor = page(null, null).path("next_cursor");
        String other = TestDatasets.declareReadings();

        given().queryParam("cursor", cursor).queryParam("sort", BY_LEVEL_DESC).when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", cursor).when().get("/api/v1/records/" + other)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aCursorAndAPageExcludeEachOther() {
        String cursor = page(null, null).path("next_cursor");

        given().queryParam("cursor", cursor).queryParam("page", 2).when().get("/api/v1/records/" + dataset)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aQueryBodyTakesACursor() {
        String cursor = page(null, null).path("next_cursor");

        given().contentType(ContentType.JSON).body("{\"size\": 2, \"cursor\": \"" + cursor + "\", \"count\": false}")
                .when().post("/api/v1/records/" + dataset + "/query")
                .then().statusCode(200).body("items.data.reading", equalTo(List.of(3, 4))).body("total", nullValue());
    }
}
