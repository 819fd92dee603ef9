package io.duckforge.store;

import io.duckforge.DuckForgeConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    private static final String SHUTTING_DOWN = "The service is shutting down; retry shortly";

    private final Semaphore permits;
    private final int size;
    private final Duration wait;
    private volatile boolean draining;

    @Inject
    public ClientPacedConnections(DuckForgeConfig config, MeterRegistry registry) {
        this(config.requests().clientPacedConnections(), config.requests().clientPacedWait(), registry);
    }

    ClientPacedConnections(int size, Duration wait, MeterRegistry registry) {
        this.size = size;
        this.wait = wait;
        this.permits = new Semaphore(size, true);
        Gauge.builder("duckforge_client_paced_connections_in_use", this, ClientPacedConnections::inUse)
                .description("Pooled connections held by bulk bodies and streams, which go at their client's pace")
                .register(registry);
    }

    /** @throws OverloadedException when the share stays taken for the whole wait */
    public Permit acquire() {
        if (draining) {
            throw new OverloadedException(SHUTTING_DOWN);
        }
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OverloadedException("All " + size + " connections for bulk bodies and streams are in use; retry shortly");
            }
            if (draining) {
                permits.release();
                throw new OverloadedException(SHUTTING_DOWN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException("Interrupted while waiting for a connection");
        }
        return new Permit();
    }

    /**
     * At shutdown: refuses new bulk bodies and streams, then waits up to {@code timeout} for those in flight to end,
     * so that the final checkpoint does not run under them.
     *
     * @return how many were still running when the wait ended (0 when all ended)
     */
    public int drain(Duration timeout) throws InterruptedException {
        draining = true;
        if (permits.tryAcquire(size, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return 0;
        }
        return size - permits.availablePermits();
    }

    /** Bulk bodies and streams holding a connection now. */
    public int inUse() {
        return size - permits.availablePermits();
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
