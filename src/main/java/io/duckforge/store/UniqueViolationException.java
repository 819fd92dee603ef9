package io.duckforge.store;

/** A write broke a primary key or unique constraint; answered 409 and nothing was written. */
public class UniqueViolationException extends RuntimeException {

    public UniqueViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
