package io.duckforge.ops;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar with its database on a 64 MiB tmpfs, filled by bulk bodies of incompressible rows: writes are
 * refused with 507 before the volume is full, and if it fills anyway liveness says so and a restart with space
 * recovers every acknowledged row. Mounting needs root, as CI has.
 */
class DiskFullIT {

    private static final int ROWS_PER_BODY = 500;
    private static final String DATASET = """
            {"name": "fill", "properties": [{"name": "n", "type": "integer"}, {"name": "note", "type": "string"}]}""";

    @TempDir
    Path workDir;

    private Path volume;

    @BeforeEach
    void mountSmallVolume() throws Exception {
        volume = Files.createDirectories(workDir.resolve("volume"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", volume.toString()) == 0,
                "mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", volume.toString());
    }

    private Map<String, String> environment(long minFreeBytes) {
        return Map.of("DUCKFORGE_DUCKDB_PATH", volume.resolve("db/duckforge.duckdb").toString(),
                "DUCKFORGE_DUCKDB_MIN_FREE_DISK_BYTES", Long.toString(minFreeBytes));
    }

    @Test
    void writesAreRefusedWith507BeforeTheVolumeFillsWhileReadsGoOn() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workDir, environment(32L << 20)).awaitReady()) {
            declare(service);
            Filled filled = fillUntilRefused(service);

            assertThat(filled.status()).isEqualTo(507);
            assertThat(filled.problemType()).endsWith("out-of-disk");
            given().baseUri(service.baseUri()).when().get("/api/v1/records/fill/count")
                    .then().statusCode(200).body("count", equalTo(filled.acknowledgedRows()));
            given().baseUri(service.baseUri()).when().get("/api/v1/records/fill?size=5").then().statusCode(200);
            given().baseUri(service.managementUri()).when().get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void aDatabaseInvalidatedByAFullVolumeFailsLivenessAndARestartWithSpaceRecoversEveryAcknowledgedRow() throws Exception {
        int acknowledged;
        try (ServiceProcess service = ServiceProcess.start(workDir, environment(0)).awaitReady()) {
            declare(service);
            Filled filled = fillUntilRefused(service);
            acknowledged = filled.acknowledgedRows();

            assertThat(filled.status()).isEqualTo(507);
            given().baseUri(service.baseUri()).when().get("/api/v1/records/fill/count")
                    .then().statusCode(503).body("type", equalTo("urn:duckforge:problem:database-failed"));
            given().baseUri(service.managementUri()).when().get("/q/health/live")
                    .then().statusCode(503).body("checks[0].data.fatal-error", equalTo("database has been invalidated"));
            service.kill();
        }
        assertThat(run("mount", "-o", "remount,size=256m", volume.toString())).isZero();

        try (ServiceProcess restarted = ServiceProcess.start(workDir, environment(0)).awaitReady()) {
            given().baseUri(restarted.baseUri()).when().get("/api/v1/records/fill/count")
                    .then().statusCode(200).body("count", equalTo(acknowledged));
        }
    }

    private record Filled(int acknowledgedRows, int status, String problemType) {
    }

    /** Bulk bodies of random text (which no compression shrinks) until one is not created. */
    private static Filled fillUntilRefused(ServiceProcess service) {
        Random random = new Random(7);
        for (int body = 0; body < 1_000; body++) {
            StringBuilder rows = new StringBuilder();
            for (int row = 0; row < ROWS_PER_BODY; row++) {
                rows.append("{\"n\": ").append(body * ROWS_PER_BODY + row).append(", \"note\": \"")
                        .append(randomText(random, 400)).append("\"}\n");
            }
            var response = given().baseUri(service.baseUri()).contentType("application/x-ndjson").body(rows.toString().getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/records/fill/bulk");
            if (response.statusCode() != 201) {
                return new Filled(body * ROWS_PER_BODY, response.statusCode(), response.path("type"));
            }
        }
        throw new AssertionError("1,000 bodies of 200 KB fit a 64 MiB volume");
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static void declare(ServiceProcess service) {
        given().baseUri(service.baseUri()).contentType(ContentType.JSON).body(DATASET)
                .when().post("/api/v1/schemas").then().statusCode(201);
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
