package io.duckforge.store;

/** Concurrent writers kept colliding on the same rows after the bounded retries; answered 409, nothing changed. */
public class WriteConflictException extends RuntimeException {

    public WriteConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
