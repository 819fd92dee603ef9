package io.duckforge.ops;

import io.duckforge.store.DatasetStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The last step of a graceful shutdown. By the time Quarkus fires {@link ShutdownEvent}, readiness has reported DOWN
 * for {@code quarkus.shutdown.delay} and the HTTP server has let in-flight requests finish (up to
 * {@code quarkus.shutdown.timeout}); then a CHECKPOINT moves the write-ahead log into the database file, so the
 * file alone is complete and the next start replays nothing.
 */
@ApplicationScoped
public class DatabaseShutdown {

    private final DatasetStore store;

    public DatabaseShutdown(DatasetStore store) {
        this.store = store;
    }

    void onStop(@Observes ShutdownEvent event) {
        long started = System.nanoTime();
        try {
            store.checkpoint();
            Log.infof("Checkpointed the database on shutdown in %d ms; the write-ahead log is empty",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // DuckDB checkpoints again when its last connection closes; the WAL is replayed at the next start otherwise.
            Log.errorf(e, "The checkpoint on shutdown failed; the next start replays the write-ahead log");
        }
    }
}
