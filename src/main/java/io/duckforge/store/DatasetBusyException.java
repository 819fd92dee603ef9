package io.duckforge.store;

/** A dataset is being migrated, or changed under a request in flight; answered 503 with Retry-After, nothing changed. */
public class DatasetBusyException extends RuntimeException {

    public DatasetBusyException(String message) {
        super(message);
    }
}
