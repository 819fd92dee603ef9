package io.duckforge.api;

import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Sends only the head of a POST whose Content-Length is over a limit, and reads the answer. The service answers such a
 * request from the declared length and closes the connection behind the answer; a client still sending the body would
 * see its connection closed under it, sooner or later depending on the machine's pace.
 */
final class DeclaredLengthRequest {

    /** @param head the status line, then the headers and the body, each line ending in a newline */
    record Answer(String statusLine, String rest) {
    }

    private DeclaredLengthRequest() {
    }

    static Answer post(String path, String contentType, long contentLength) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(300_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return new Answer(answer.readLine(), answer.lines().collect(Collectors.joining("\n", "", "\n")));
        }
    }
}
