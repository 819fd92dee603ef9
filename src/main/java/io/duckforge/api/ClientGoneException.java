package io.duckforge.api;

import java.io.IOException;

/** The client of a stream disconnected; the stream stops and there is nobody left to answer. */
public class ClientGoneException extends IOException {

    public ClientGoneException() {
        super("the client disconnected");
    }

    public ClientGoneException(IOException cause) {
        super("the client disconnected: " + cause.getMessage(), cause);
    }
}
