package io.duckforge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk body refused before it is read is answered at once, not after the rest of a body that may never come, and
 * its connection is closed behind the answer, since the unread rest of the body stands in front of any next request.
 */
@QuarkusTest
class EarlyRefusalTest {

    @Test
    void aBodyRefusedBeforeItIsReadIsAnsweredBeforeItsEndAndItsConnectionClosed() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            // Only a guard against hanging the build: the answer is due before any of the body is read.
            socket.setSoTimeout(300_000);
            socket.getOutputStream().write(("POST /api/v1/records/no_such_dataset/bulk HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: 10000000\r\n\r\n{\"reading\": \"not a number\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();

            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(answer.readLine()).isEqualTo("HTTP/1.1 404 Not Found");
            String rest = answer.lines().reduce("", (all, line) -> all + line + "\n");
            assertThat(rest).containsIgnoringCase("connection: close").contains("no_such_dataset");
        }
    }
}
