package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Groups of an aggregate streamed in each stream format, chosen by {@code format=} or {@code Accept}. */
@QuarkusTest
class AggregateStreamTest {

    private static final String SEED = """
            [{"sensor": "a", "reading": 10, "taken_at": "2019-01-31T23:30:00Z"},
             {"sensor": "a", "reading": 20, "taken_at": "2019-02-01T00:30:00Z"},
             {"sensor": "b, \\"quoted\\"", "reading": 5, "taken_at": "2019-02-01T00:30:00Z"},
             {"sensor": "c", "reading": 7}]""";
    private static final String BY_SENSOR = "[\"sensor\"]";
    private static final String SUM = "[{\"fn\": \"count\"}, {\"fn\": \"sum\", \"field\": \"reading\"}]";

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings(SEED);
    }

    private String path() {
        return "/api/v1/records/" + dataset + "/aggregate";
    }

    @Test
    void ndjsonHasOneGroupPerLineWithTheJsonAnswersValues() {
        String body = given().queryParam("group_by", "[{\"field\": \"taken_at\", \"bucket\": \"month\"}]").queryParam("metrics", SUM)
                .queryParam("format", "ndjson")
                .when().get(path()).then().statusCode(200).contentType("application/x-ndjson").extract().asString();

        assertThat(body).isEqualTo("""
                {"taken_at_month":"2019-01-01T00:00:00Z","count":1,"sum_reading":10}
                {"taken_at_month":"2019-02-01T00:00:00Z","count":2,"sum_reading":25}
                {"taken_at_month":null,"count":1,"sum_reading":7}
                """);
    }

    @Test
    void csvHasAHeaderOfKeysThenMetricsAndQuotesText() {
        String body = given().accept("text/csv").queryParam("group_by", BY_SENSOR).queryParam("metrics", SUM)
                .when().get(path()).then().statusCode(200).contentType("text/csv").extract().asString();

        assertThat(body).isEqualTo("sensor,count,sum_reading\r\na,2,30\r\n\"b, \"\"quoted\"\"\",1,5\r\nc,1,7\r\n");
    }

    @Test
    void parquetHoldsTheGroupsAsColumns() throws Exception {
        byte[] body = given().queryParam("group_by", BY_SENSOR).queryParam("metrics", SUM).queryParam("format", "parquet")
                .when().get(path()).then().statusCode(200).contentType("application/vnd.apache.parquet").extract().asByteArray();
        Path file = Files.createTempFile("groups", ".parquet");
        Files.write(file, body);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*), sum(sum_reading), max(count) FROM read_parquet('" + file + "')")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(3);
            assertThat(rows.getLong(2)).isEqualTo(42);
            assertThat(rows.getLong(3)).isEqualTo(2);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void arrowIsAnIpcStreamOfTheGroups() throws Exception {
        byte[] body = given().accept("application/vnd.apache.arrow.stream").queryParam("group_by", BY_SENSOR).queryParam("metrics", SUM)
                .when().get(path()).then().statusCode(200).contentType("application/vnd.apache.arrow.stream").extract().asByteArray();

        long groups = 0;
        try (RootAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(body), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getSchema().getFields()).extracting(Field::getName).containsExactly("sensor", "count", "sum_reading");
            while (reader.loadNextBatch()) {
                groups += root.getRowCount();
            }
        }
        assertThat(groups).isEqualTo(3);
    }

    @Test
    void aStreamHasNoLimitUnlessOneIsGiven() {
        String all = given().queryParam("group_by", BY_SENSOR).queryParam("format", "ndjson").when().get(path())
                .then().statusCode(200).extract().asString();
        String one = given().queryParam("group_by", BY_SENSOR).queryParam("format", "ndjson").queryParam("limit", "1").when().get(path())
                .then().statusCode(200).extract().asString();

        assertThat(all.lines()).hasSize(3);
        assertThat(one.lines()).hasSize(1);
    }

    @Test
    void jsonIsTheAnswerForAnyTypeOrJsonAccepted() {
        given().accept("*/*").queryParam("group_by", BY_SENSOR).when().get(path()).then().statusCode(200)
                .contentType(ContentType.JSON).body("truncated", equalTo(false));
        given().accept("application/json, text/csv;q=0.5").queryParam("group_by", BY_SENSOR).when().get(path()).then()
                .statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void aPostedBodyChoosesItsStreamFormat() {
        String body = given().contentType(ContentType.JSON).body("{\"group_by\": [\"sensor\"], \"format\": \"csv\"}")
                .when().post(path()).then().statusCode(200).contentType("text/csv").extract().asString();

        assertThat(body).startsWith("sensor,count\r\n");
    }

    @Test
    void anUnknownFormatIsNotAcceptable() {
        given().queryParam("format", "xml").when().get(path()).then().statusCode(406).contentType("application/problem+json");
        given().accept("application/xml").when().get(path()).then().statusCode(406);
    }
}
