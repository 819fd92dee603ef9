package io.duckforge.api;

/** A request over a configured limit; answered 413 and nothing is written. */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
