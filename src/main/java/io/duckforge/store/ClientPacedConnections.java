package io.duckforge.store;

import io.duckforge.DuckForgeConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded share of the connection pool for work that goes at its client's pace: a bulk body holds its connection
 * (and transaction) while the body arrives, a stream while the client reads. Without a bound, sixteen stalled
 * uploads or slow readers hold every pooled connection and every other request fails. A caller past the share
 * waits briefly, then is told to retry (503), and never holds a connection while it waits. Streams take their permit
 * before the response starts, so that a refusal can still be a 503.
 */
@ApplicationScoped
public class ClientPacedConnections {

    private final Semaphore permits;
    private final int size;
    private final Duration wait;

    public ClientPacedConnections(DuckForgeConfig config, MeterRegistry registry) {
        this.size = config.requests().clientPacedConnections();
        this.wait = config.requests().clientPacedWait();
        this.permits = new Semaphore(size, true);
        Gauge.builder("duckforge_client_paced_connections_in_use", this, share -> share.size - share.permits.availablePermits())
                .description("Pooled connections held by bulk bodies and streams, which go at their client's pace")
                .register(registry);
    }

    /** @throws OverloadedException when the share stays taken for the whole wait */
    public Permit acquire() {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OverloadedException("All " + size + " connections for bulk bodies and streams are in use; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException("Interrupted while waiting for a connection");
        }
        return new Permit();
    }

    /** Released once, however often it is closed. */
    public final class Permit implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
