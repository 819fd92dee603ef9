package io.duckforge.store;

/** The database failed in a way the client could not have caused; answered 500 without internals. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
