package io.duckforge.store;

/** Too many writes are waiting already; answered 503 with Retry-After, nothing was written. */
public class OverloadedException extends RuntimeException {

    public OverloadedException(String message) {
        super(message);
    }
}
