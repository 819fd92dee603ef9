package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RecordStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = """
            [{"sensor": "a", "serial": "S1", "reading": 10, "payload": {"k": [1, 2]}},
             {"sensor": "b, \\"quoted\\"\\nline", "serial": "S2", "reading": 20},
             {"sensor": "c", "serial": "S3", "reading": 30, "level": 2.5}]""";
    private static final int MANY_ROWS = 1_000_000;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    private String dataset;

    @BeforeEach
    void seed() {
        dataset = TestDatasets.declareReadings();
        given().contentType(ContentType.JSON).body(SEED).when().post("/api/v1/records/" + dataset + "/bulk").then().statusCode(201);
    }

    private List<JsonNode> ndjson(String body) throws Exception {
        assertThat(body).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void ndjsonIsTheDefaultWithOneRecordEnvelopePerLine() throws Exception {
        String body = given().queryParam("sort", "[{\"field\": \"reading\"}]")
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();

        List<JsonNode> records = ndjson(body);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).path("schema_name").asText()).isEqualTo(dataset);
        assertThat(records.get(0).path("version").asLong()).isEqualTo(1);
        assertThat(records.get(0).path("data").path("payload").path("k").get(1).asInt()).isEqualTo(2);
        assertThat(records).extracting(r -> r.path("data").path("reading").asInt()).containsExactly(10, 20, 30);
    }

    @Test
    void anNdjsonLineIsTheRecordAsTheJsonApiAnswersItForEveryType() throws Exception {
        String id = TestDatasets.createRecord(dataset, """
                {"sensor": "t\u00e9", "serial": "S9", "reading": -7, "level": 1.0E20, "active": false, "day": "2024-02-29",
                 "taken_at": "2024-03-01T12:00:00.5+02:00", "batch": "0190a0b0-0000-7000-8000-000000000001",
                 "payload": {"nested": [1, "x", null]}}""");
        String answered = given().when().get("/api/v1/records/" + dataset + "/" + id).then().statusCode(200).extract().asString();

        String body = given().queryParam("filters", "[{\"field\": \"serial\", \"operator\": \"eq\", \"value\": \"S9\"}]")
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).extract().asString();

        assertThat(ndjson(body)).containsExactly(JSON.readTree(answered));
        assertThat(body).contains("\"taken_at\":\"2024-03-01T10:00:00.5Z\"");
    }

    @Test
    void csvWritesDatetimesAsIsoInstantsAndNullsAsEmptyFields() {
        TestDatasets.createRecord(dataset, """
                {"sensor": "z", "serial": "S8", "taken_at": "2024-03-01T00:00:00Z", "day": "2024-02-29"}""");

        String body = given().accept("text/csv").queryParam("fields", "serial,reading,day,taken_at")
                .queryParam("filters", "[{\"field\": \"serial\", \"operator\": \"eq\", \"value\": \"S8\"}]")
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).extract().asString();

        assertThat(body.split("\r\n")[1]).matches(
                "[0-9a-f-]{36},\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z,[^,]+Z,1,S8,,2024-02-29,2024-03-01T00:00:00Z");
    }

    @Test
    void filtersSortFieldsAndLimitApply() throws Exception {
        String body = given().queryParam("filters", "[{\"field\": \"reading\", \"operator\": \"gte\", \"value\": 20}]")
                .queryParam("sort", "[{\"field\": \"reading\", \"order\": \"desc\"}]")
                .queryParam("fields", "reading")
                .queryParam("limit", 1)
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).extract().asString();

        List<JsonNode> records = ndjson(body);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("data").size()).isEqualTo(1);
        assertThat(records.get(0).path("data").path("reading").asInt()).isEqualTo(30);
    }

    @Test
    void csvByAcceptHasAHeaderAndQuotesPerRfc4180() {
        String body = given().accept("text/csv").queryParam("sort", "[{\"field\": \"reading\"}]").queryParam("fields", "sensor,reading,payload")
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).contentType("text/csv")
                .extract().asString();

        String[] lines = body.split("\r\n");
        assertThat(lines[0]).isEqualTo("id,created_at,updated_at,version,sensor,reading,payload");
        assertThat(lines[1]).endsWith(",1,a,10,\"{\"\"k\"\":[1,2]}\"");
        assertThat(body).contains(",1,\"b, \"\"quoted\"\"\nline\",20,\r\n");
    }

    @Test
    void parquetIsAFlatFileThatReadsBackWithEveryValue() throws Exception {
        byte[] body = given().accept("application/vnd.apache.parquet").queryParam("fields", "sensor,reading,payload")
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).contentType("application/vnd.apache.parquet")
                .extract().asByteArray();
        assertThat(new String(body, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        Path file = Files.createTempFile("stream", ".parquet");
        Files.write(file, body);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*), sum(reading), max(version), string_agg(payload::VARCHAR, '')"
                     + " FROM read_parquet('" + file + "')")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(3);
            assertThat(rows.getLong(2)).isEqualTo(60);
            assertThat(rows.getLong(3)).isEqualTo(1);
            assertThat(rows.getString(4)).isEqualTo("{\"k\":[1,2]}");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void arrowIsAnIpcStreamOfFlatRecordBatches() throws Exception {
        byte[] body = given().accept("application/vnd.apache.arrow.stream").queryParam("fields", "sensor,reading")
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).contentType("application/vnd.apache.arrow.stream")
                .extract().asByteArray();

        long rows = 0;
        long readingSum = 0;
        try (RootAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(body), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getSchema().getFields()).extracting(Field::getName)
                    .containsExactly("id", "created_at", "updated_at", "version", "sensor", "reading");
            while (reader.loadNextBatch()) {
                BigIntVector reading = (BigIntVector) root.getVector("reading");
                for (int i = 0; i < root.getRowCount(); i++) {
                    readingSum += reading.isNull(i) ? 0 : reading.get(i);
                }
                rows += root.getRowCount();
            }
        }
        assertThat(rows).isEqualTo(3);
        assertThat(readingSum).isEqualTo(60);
    }

    @Test
    void theFormatParameterOverridesAccept() {
        given().accept("application/x-ndjson").queryParam("format", "csv")
                .when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(200).contentType("text/csv");
    }

    @Test
    void anUnsupportedFormatIs406Problem() {
        given().accept("application/xml").when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(406).contentType("application/problem+json")
                .body("detail", containsString("ndjson"));
        given().queryParam("format", "xlsx").when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(406);
    }

    @Test
    void aBadLimitIs400AndAnUnknownDatasetIs404() {
        given().queryParam("limit", 0).when().get("/api/v1/records/" + dataset + "/stream")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/v1/records/no_such_dataset/stream").then().statusCode(404);
    }

    @Test
    void streamedRowsAndBytesAreCountedPerFormatAndSchema() {
        given().queryParam("format", "csv").when().get("/api/v1/records/" + dataset + "/stream").then().statusCode(200);

        given().when().get("/q/metrics").then()
                .body(containsString("duckforge_stream_rows_total{format=\"csv\",schema=\"" + dataset + "\"} 3.0"))
                .body(containsString("duckforge_stream_bytes_total{format=\"csv\",schema=\"" + dataset + "\"}"));
    }

    @Test
    void aClientThatDisconnectsCancelsTheQueryAndFreesTheConnection() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"" + dataset + "\" (id, created_at, updated_at, version, sensor, reading)"
                    + " SELECT uuid(), now(), now(), 1, 's' || i, i FROM range(" + MANY_ROWS + ") r(i)");
        }
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/records/" + dataset + "/stream HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] firstBytes = in.readNBytes(64 * 1024);
            assertThat(new String(firstBytes, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            awaitActiveStreams(1);
        }

        awaitActiveStreams(0);
        awaitPoolIdle();
        assertThat(streamedRows()).as("rows streamed before the query was cancelled").isLessThan(MANY_ROWS / 2);
    }

    private double streamedRows() {
        String prefix = "duckforge_stream_rows_total{format=\"ndjson\",schema=\"" + dataset + "\"} ";
        return given().when().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElseThrow();
    }

    private void awaitActiveStreams(int expected) throws InterruptedException {
        String series = "duckforge_stream_active " + expected + ".0";
        // Polled until it holds; the bound only keeps a broken build from hanging.
        for (int attempt = 0; attempt < 3_000; attempt++) {
            if (given().when().get("/q/metrics").asString().contains(series)) {
                return;
            }
            LockSupport.parkNanos(100_000_000);
        }
        assertThat(given().when().get("/q/metrics").asString()).contains(series);
    }

    private void awaitPoolIdle() throws InterruptedException {
        for (int attempt = 0; attempt < 3_000 && dataSource.getMetrics().activeCount() > 0; attempt++) {
            LockSupport.parkNanos(100_000_000);
        }
        assertThat(dataSource.getMetrics().activeCount()).isZero();
    }
}
