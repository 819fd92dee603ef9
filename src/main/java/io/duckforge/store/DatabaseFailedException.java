package io.duckforge.store;

/**
 * The database failed fatally (DuckDB invalidates it when, above all, a checkpoint hits a full disk) and refuses
 * every statement until the process restarts; liveness reports DOWN so that Kubernetes restarts the pod, and the
 * restart replays the write-ahead log. Distinct from running out of disk, which a request can wait out.
 */
public class DatabaseFailedException extends RuntimeException {

    public DatabaseFailedException(Throwable cause) {
        super("The database failed and serves nothing until the service restarts, which recovers every acknowledged "
                + "write; liveness reports DOWN meanwhile", cause);
    }
}
