package io.duckforge.api;

/** A bulk body over the configured byte limit; answered 413 and nothing is written. */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
