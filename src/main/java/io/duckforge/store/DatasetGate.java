package io.duckforge.store;

import io.duckforge.DuckForgeConfig;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.UnknownSchemaException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * Keeps migrations and the requests that use a dataset apart. Every request passes the gate shared, for as long as
 * it uses the table (a stream or a bulk body included), and only with the schema version the table has now; a
 * migration passes alone, once the requests in flight have finished. A request that arrives during a migration
 * waits for it, up to a bound, then is answered 503 with Retry-After: none sees a half-migrated table.
 *
 * <p>A {@link StampedLock}, not a ReentrantReadWriteLock: a bulk write's shared pass is released on the writer's
 * thread, and a stamp may be released by any thread. Readers queue behind a waiting migration, so a steady stream
 * of requests cannot starve it.
 */
@Singleton
class DatasetGate {

    /** Released once, by whichever thread finishes the work. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Dataset {
        final StampedLock lock = new StampedLock();
        volatile int version;
        volatile boolean dropped;
    }

    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
    private final Duration requestWait;
    private final Duration drainTimeout;

    @Inject
    DatasetGate(DuckForgeConfig config) {
        this(config.migrations().requestWait(), config.migrations().drainTimeout());
    }

    DatasetGate(Duration requestWait, Duration drainTimeout) {
        this.requestWait = requestWait;
        this.drainTimeout = drainTimeout;
    }

    /** Makes a created or loaded dataset passable at its version. */
    void open(DatasetSchema schema) {
        datasets.computeIfAbsent(schema.name(), name -> new Dataset()).version = schema.version();
    }

    /** A shared pass for a request that resolved {@code schema}; it must still be the applied version. */
    Pass enter(DatasetSchema schema) {
        Dataset dataset = require(schema.name());
        long stamp = acquire(dataset.lock, requestWait, false);
        if (stamp == 0) {
            throw new DatasetBusyException("Dataset '" + schema.name() + "' is being migrated; retry shortly");
        }
        if (dataset.dropped || dataset.version != schema.version()) {
            dataset.lock.unlockRead(stamp);
            if (dataset.dropped) {
                throw new UnknownSchemaException(schema.name());
            }
            throw new DatasetBusyException("Dataset '" + schema.name() + "' changed to version " + dataset.version
                    + " while the request waited; retry it against the new schema");
        }
        return () -> dataset.lock.unlockRead(stamp);
    }

    /** The sole pass to a dataset, for a migration or a drop; waits for the requests in flight to finish. */
    Pass enterAlone(DatasetSchema schema) {
        Dataset dataset = require(schema.name());
        long stamp = acquire(dataset.lock, drainTimeout, true);
        if (stamp == 0) {
            throw new DatasetBusyException("Dataset '" + schema.name() + "' still had requests in flight after "
                    + drainTimeout.toSeconds() + "s (long streams or bulk writes); nothing was changed, retry later");
        }
        if (dataset.dropped || dataset.version != schema.version()) {
            dataset.lock.unlockWrite(stamp);
            throw new DatasetBusyException("Dataset '" + schema.name() + "' changed while the migration waited; review it and retry");
        }
        return () -> dataset.lock.unlockWrite(stamp);
    }

    /** Called while holding the sole pass, after the new version committed. */
    void advance(DatasetSchema schema) {
        require(schema.name()).version = schema.version();
    }

    /** Called while holding the sole pass, after the drop committed: requests waiting on it get 404. */
    void close(String name) {
        Dataset dataset = datasets.remove(name);
        if (dataset != null) {
            dataset.dropped = true;
        }
    }

    private Dataset require(String name) {
        Dataset dataset = datasets.get(name);
        if (dataset == null) {
            throw new UnknownSchemaException(name);
        }
        return dataset;
    }

    private static long acquire(StampedLock lock, Duration wait, boolean exclusive) {
        try {
            return exclusive
                    ? lock.tryWriteLock(wait.toNanos(), TimeUnit.NANOSECONDS)
                    : lock.tryReadLock(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
