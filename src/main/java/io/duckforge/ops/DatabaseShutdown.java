package io.duckforge.ops;

import io.duckforge.DuckForgeConfig;
import io.duckforge.store.ClientPacedConnections;
import io.duckforge.store.DatasetStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * The last step of a graceful shutdown. By the time Quarkus fires {@link ShutdownEvent}, readiness has reported DOWN
 * for {@code quarkus.shutdown.delay} and the HTTP server has let in-flight requests finish (up to
 * {@code quarkus.shutdown.timeout}). Streams and bulk bodies that outlast that timeout get
 * {@code duckforge.requests.shutdown-drain} more, while new ones are refused; then a CHECKPOINT moves the
 * write-ahead log into the database file, so the file alone is complete and the next start replays nothing.
 */
@ApplicationScoped
public class DatabaseShutdown {

    private final DatasetStore store;
    private final ClientPacedConnections clientPaced;
    private final Duration drain;

    public DatabaseShutdown(DatasetStore store, ClientPacedConnections clientPaced, DuckForgeConfig config) {
        this.store = store;
        this.clientPaced = clientPaced;
        this.drain = config.requests().shutdownDrain();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (clientPaced.inUse() > 0) {
            Log.infof("Waiting up to %d s for %d streams and bulk bodies still running before the checkpoint",
                    drain.toSeconds(), clientPaced.inUse());
        }
        int running = clientPaced.drain(drain);
        if (running > 0) {
            Log.warnf("%d streams or bulk bodies still running after %d s are cut by the checkpoint", running, drain.toSeconds());
        }
        store.fatalError().ifPresentOrElse(
                error -> Log.errorf("No checkpoint on shutdown: %s; the next start replays the write-ahead log", error),
                this::checkpoint);
    }

    private void checkpoint() {
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
