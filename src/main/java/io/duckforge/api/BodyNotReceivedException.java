package io.duckforge.api;

import java.io.IOException;

/**
 * A request body stopped arriving: the client sent nothing for {@code quarkus.http.read-timeout} or hung up. The
 * client's failure, not the service's; nothing of the body is written.
 */
public class BodyNotReceivedException extends IOException {

    public BodyNotReceivedException(IOException cause) {
        super("The body stopped arriving before its end; nothing was written", cause);
    }
}
