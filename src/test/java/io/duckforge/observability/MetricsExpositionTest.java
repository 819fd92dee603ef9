package io.duckforge.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus scrapes from /q/metrics: histograms it can take quantiles of, help for every meter, memory. */
@QuarkusTest
class MetricsExpositionTest {

    private static final Pattern RESIDENT = Pattern.compile("(?m)^process_resident_memory_bytes ([0-9.E+]+)$");

    @BeforeEach
    void aRecordIsWrittenAndRead() {
        String id = given().contentType(ContentType.JSON).body("{\"sensor\": \"s-1\"}")
                .when().post("/api/v1/records/sensor_reading").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/records/sensor_reading/" + id).then().statusCode(200);
    }

    @Test
    void requestLatenciesArePublishedAsHistogramBucketsPerEndpoint() {
        assertThat(scrape()).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/records/\\{schema}/\\{id}\"[^}]*le=\"0\\.05\"[^}]*} [0-9]");
    }

    @Test
    void storeOperationLatenciesArePublishedAsHistogramBuckets() {
        assertThat(scrape()).containsPattern(
                "duckforge_store_operation_seconds_bucket\\{operation=\"find-by-id\",schema=\"sensor_reading\",le=\"0\\.005\"} [0-9]");
    }

    @Test
    void everyDuckForgeMeterSaysWhatItMeasures() {
        List<String> help = scrape().lines().filter(line -> line.startsWith("# HELP duckforge_")).toList();

        assertThat(help).isNotEmpty().allSatisfy(line -> assertThat(line.split(" ", 4)).hasSize(4)
                .satisfies(parts -> assertThat(parts[3]).as(parts[2]).isNotBlank()));
    }

    @Test
    void theProcessResidentMemoryIsExported() {
        Matcher resident = RESIDENT.matcher(scrape());

        assertThat(resident.find()).isTrue();
        assertThat(Double.parseDouble(resident.group(1))).isGreaterThan(Runtime.getRuntime().totalMemory() / 10.0);
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
