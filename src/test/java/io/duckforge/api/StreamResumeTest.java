package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code after=} on a stream: a broken export resumes after the last record it received, or after a page's cursor. */
@QuarkusTest
class StreamResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BY_LEVEL_DESC = TestDatasets.BY_LEVEL_DESC;

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings(TestDatasets.LEVELLED_READINGS);
    }

    private List<JsonNode> stream(RequestSpecification request) throws Exception {
        String body = request.when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<Integer> readings(List<JsonNode> records) {
        return records.stream().map(record -> record.path("data").path("reading").asInt()).toList();
    }

    @Test
    void aSortedStreamResumesAfterTheIdOfTheLastRecordReceived() throws Exception {
        List<JsonNode> whole = stream(given().queryParam("sort", BY_LEVEL_DESC));
        String lastReceived = whole.get(2).path("id").asText();

        List<JsonNode> rest = stream(given().queryParam("sort", BY_LEVEL_DESC).queryParam("after", lastReceived));

        assertThat(readings(rest)).containsExactlyElementsOf(readings(whole.subList(3, 7)));
    }

    @Test
    void aResumedStreamWithoutASortContinuesInCreationOrder() throws Exception {
        List<JsonNode> all = stream(given().queryParam("sort", "[{\"field\": \"reading\"}]"));

        List<JsonNode> rest = stream(given().queryParam("after", all.get(3).path("id").asText()));

        assertThat(readings(rest)).containsExactly(5, 6, 7);
    }

    @Test
    void aStreamContinuesAfterAPagesCursor() throws Exception {
        String cursor = given().queryParam("size", 2).queryParam("sort", BY_LEVEL_DESC)
                .when().get("/api/v1/records/" + dataset).then().statusCode(200).extract().path("next_cursor");
        List<JsonNode> whole = stream(given().queryParam("sort", BY_LEVEL_DESC));

        List<JsonNode> rest = stream(given().queryParam("sort", BY_LEVEL_DESC).queryParam("after", cursor));

        assertThat(readings(rest)).containsExactlyElementsOf(readings(whole.subList(2, 7)));
    }

    @Test
    void aResumedStreamKeepsItsFiltersAndLimit() throws Exception {
        String filters = "[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"a\"}]";
        List<JsonNode> all = stream(given().queryParam("filters", filters));
        String second = all.stream().filter(record -> record.path("data").path("reading").asInt() == 2)
                .findFirst().orElseThrow().path("id").asText();

        List<JsonNode> rest = stream(given().queryParam("filters", filters).queryParam("after", second).queryParam("limit", 2));

        assertThat(readings(rest)).containsExactly(3, 4);
    }

    @Test
    void csvResumesAtTheSamePointAsNdjson() throws Exception {
        List<JsonNode> whole = stream(given().queryParam("sort", BY_LEVEL_DESC));

        String csv = given().queryParam("format", "csv").queryParam("fields", "reading").queryParam("sort", BY_LEVEL_DESC)
                .queryParam("after", whole.get(4).path("id").asText())
                .when().get("/api/v1/records/" + dataset + "/stream").then().statusCode(200).extract().asString();

        List<Integer> rows = csv.lines().skip(1).map(line -> Integer.parseInt(line.substring(line.lastIndexOf(',') + 1))).toList();
        assertThat(rows).containsExactlyElementsOf(readings(whole.subList(5, 7)));
    }

    @Test
    void parquetResumesAtTheSamePointAsNdjson() throws Exception {
        List<JsonNode> whole = stream(given().queryParam("sort", BY_LEVEL_DESC));

        byte[] parquet = given().queryParam("format", "parquet").queryParam("sort", BY_LEVEL_DESC)
                .queryParam("after", whole.get(1).path("id").asText())
                .when().get("/api/v1/records/" + dataset + "/stream").then().statusCode(200).extract().asByteArray();

        Path file = Files.createTempFile("resumed", ".parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            Files.write(file, parquet);
            ResultSet rows = statement.executeQuery("SELECT list(reading)::VARCHAR FROM read_parquet('" + file + "')");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(readings(whole.subList(2, 7)).toString());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anAfterThatIsNeitherAnIdNorACursorIs400NamingAfter() {
        given().queryParam("after", "page-3").when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
    }

    @Test
    void anIdOfNoRecordIs400NamingAfter() {
        given().queryParam("after", "0190a5c4-0000-7000-8000-000000000000").when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
    }

    @Test
    void aChangedOrForeignCursorIs400NamingAfter() {
        String cursor = given().queryParam("size", 2).when().get("/api/v1/records/" + dataset)
                .then().extract().path("next_cursor");
        char[] forged = cursor.toCharArray();
        forged[5] = forged[5] == 'A' ? 'B' : 'A';

        given().queryParam("after", new String(forged)).when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("after", cursor).queryParam("sort", BY_LEVEL_DESC).when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }
}
