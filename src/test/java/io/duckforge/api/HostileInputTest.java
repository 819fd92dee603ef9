package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The same value, hostile or not, sent through every way in: a single create and bulk bodies as a JSON array, NDJSON,
 * CSV and Parquet (where the format can carry it). For each value: no answer is a server error; every refusal is
 * problem+json naming the property and showing no internals, and stores nothing; every way in accepts or refuses it
 * alike, and what is stored reads back the same. The values come from {@link HostileValues}: fixed edges plus random
 * ones from a seed ({@code -Dduckforge.hostile.seed=...}, {@code -Dduckforge.hostile.cases=...} to replay or widen).
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = Long.getLong("duckforge.hostile.seed", 20261202L);
    private static final int RANDOM_CASES = Integer.getInteger("duckforge.hostile.cases", 100);
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|Error:|java\\.|org\\.|io\\.duckforge|/tmp/|target/|\\.duckdb|\\.parquet\\b|SQLException");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** Each way in's answer for the case being checked, for the failure message. */
    private final Map<String, String> answers = new LinkedHashMap<>();

    @Test
    void everyWayInAcceptsOrRefusesAValueAlikeAndStoresItAlike() throws Exception {
        String dataset = TestDatasets.declareReadings();
        SoftAssertions softly = new SoftAssertions();
        int index = 0;
        for (HostileValues.Case value : new HostileValues(SEED).cases(RANDOM_CASES)) {
            checkCase(dataset, "h" + index++, value, softly);
        }
        softly.assertAll();
    }

    private void checkCase(String dataset, String marker, HostileValues.Case value, SoftAssertions softly) throws Exception {
        String label = "seed " + SEED + ", " + marker + ": " + value;
        Map<String, Optional<JsonNode>> stored = new LinkedHashMap<>();
        answers.clear();
        Response single = given().contentType(ContentType.JSON).body(jsonBytes(row(marker + "-single", value)))
                .when().post("/api/v1/records/" + dataset);
        stored.put("single", outcome(dataset, marker + "-single", value, single, false, label, softly));
        stored.put("array", bulk(dataset, marker + "-array", value, ContentType.JSON.toString(),
                jsonBytes("[" + HostileValues.ESCAPED.writeValueAsString(row(marker + "-array", value)) + "]"), label, softly));
        stored.put("ndjson", bulk(dataset, marker + "-ndjson", value, "application/x-ndjson",
                jsonBytes(HostileValues.ESCAPED.writeValueAsString(row(marker + "-ndjson", value)) + "\n"), label, softly));
        Optional<String> csv = HostileBodies.csv(marker + "-csv", value);
        if (csv.isPresent()) {
            stored.put("csv", bulk(dataset, marker + "-csv", value, "text/csv",
                    csv.get().getBytes(StandardCharsets.UTF_8), label, softly));
        }
        Optional<byte[]> parquet = HostileBodies.parquet(marker + "-parquet", value);
        if (parquet.isPresent()) {
            stored.put("parquet", bulk(dataset, marker + "-parquet", value, ColumnarBodies.PARQUET, parquet.get(), label, softly));
        }
        Optional<JsonNode> expected = stored.get("single");
        stored.forEach((way, result) -> softly.assertThat(result)
                .as("%s: %s accepts or refuses and stores as a single create does; answers %s", label, way, answers)
                .isEqualTo(expected));
    }

    private Optional<JsonNode> bulk(String dataset, String marker, HostileValues.Case value, String contentType, byte[] body,
                                    String label, SoftAssertions softly) throws Exception {
        Response response = given().contentType(contentType).body(body).when().post("/api/v1/records/" + dataset + "/bulk");
        return outcome(dataset, marker, value, response, true, label, softly);
    }

    /** What a way in did with the value: empty when refused, else the value as stored. */
    private Optional<JsonNode> outcome(String dataset, String marker, HostileValues.Case value, Response response,
                                       boolean bulk, String label, SoftAssertions softly) throws Exception {
        int status = response.statusCode();
        String body = response.asString();
        answers.put(marker, status + " " + HostileValues.ESCAPED.writeValueAsString(body));
        softly.assertThat(status).as("%s (%s): no server error; body %s", label, marker, body).isLessThan(500);
        JsonNode record = storedRecord(dataset, marker);
        if (status >= 400) {
            softly.assertThat(response.contentType()).as("%s (%s)", label, marker).startsWith("application/problem+json");
            softly.assertThat(body).as("%s (%s): no internals", label, marker).doesNotContainPattern(INTERNALS);
            if (!body.contains("malformed-json")) { // a body the JSON parser refuses has no properties to name
                softly.assertThat(body).as("%s (%s): names the property", label, marker).contains("\"" + value.property());
            }
            softly.assertThat(record).as("%s (%s): nothing stored", label, marker).isNull();
            return Optional.empty();
        }
        softly.assertThat(record).as("%s (%s): stored after %d", label, marker, status).isNotNull();
        return Optional.ofNullable(record).map(found -> found.path("data").path(value.property()));
    }

    private static JsonNode storedRecord(String dataset, String marker) throws Exception {
        String page = given().contentType(ContentType.JSON)
                .body("{\"filters\": [{\"field\": \"serial\", \"operator\": \"eq\", \"value\": \"" + marker + "\"}]}")
                .when().post("/api/v1/records/" + dataset + "/query").then().statusCode(200).extract().asString();
        JsonNode items = PLAIN.readTree(page).path("items");
        return items.isEmpty() ? null : items.get(0);
    }

    static ObjectNode row(String marker, HostileValues.Case value) {
        ObjectNode row = PLAIN.createObjectNode().put("sensor", "h").put("serial", marker);
        row.set(value.property(), value.value());
        return row;
    }

    private static byte[] jsonBytes(Object row) throws Exception {
        String text = row instanceof String s ? s : HostileValues.ESCAPED.writeValueAsString(row);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
