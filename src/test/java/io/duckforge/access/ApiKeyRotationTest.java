package io.duckforge.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A rotated Secret: the key file changes under the running service, which follows without a restart. */
@QuarkusTest
@TestProfile(AccessProfile.class)
class ApiKeyRotationTest {

    private static final String NEW_KEY = "rotated-in-key-0123456789";

    @AfterEach
    void restoreTheKeyFile() throws Exception {
        Files.writeString(AccessProfile.KEY_FILE, Credentials.keyFile());
    }

    @Test
    void aKeyAddedToTheFileIsAcceptedAndAKeyRemovedIsRefusedWithoutARestart() throws Exception {
        assertThat(status(NEW_KEY)).isEqualTo(401);

        Files.writeString(AccessProfile.KEY_FILE, Credentials.line(NEW_KEY, "rotated", "admin") + "\n");

        assertThat(statusOnceSettled(NEW_KEY, 200)).isEqualTo(200);
        assertThat(statusOnceSettled(Credentials.Role.ADMIN.apiKey(), 401)).as("the old admin key is gone").isEqualTo(401);
    }

    private static int status(String key) {
        return given().header("X-API-Key", key).when().get("/api/v1/schemas").then().extract().statusCode();
    }

    /** The file is re-read within seconds; this waits for that, up to a bound that only guards against a hang. */
    private static int statusOnceSettled(String key, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = status(key);
        while (status != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000_000); // polling the condition, not timing it
            status = status(key);
        }
        return status;
    }
}
