package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.duckforge.schema.DatasetSchema;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for small writes: single-record creates, and the stored answers of requests with an
 * {@code Idempotency-Key}. Every DuckDB commit writes and syncs the WAL, and DuckDB commits one transaction at a
 * time, so many writers each committing alone queue on the commit. Here request threads hand their row to one writer
 * thread, which writes whatever has queued (up to a batch) in one transaction (for creates through the Appender: an
 * INSERT statement per row cost ~1 ms each and capped a batch writer at ~900 rows/s); each request still waits for,
 * and gets, its own answer. If a batch fails (a unique clash), its rows are retried one by one so only the offending
 * row fails. Waiting writes are bounded: past the bound a write is refused at once (503), not queued.
 *
 * @param <T> what a request hands over
 * @param <R> what it gets back once committed
 */
final class GroupCommitWriter<T, R> implements AutoCloseable {

    /** Writes a batch's rows inside the open transaction, answering their results in the same order. */
    @FunctionalInterface
    interface BatchWrite<T, R> {
        List<R> write(Connection connection, List<T> rows) throws SQLException;
    }

    /** A create waiting in the batch. */
    record NewRecord(DatasetSchema schema, Map<String, Object> values) {
    }

    private final String name;
    private final AgroalDataSource dataSource;
    private final BatchWrite<T, R> batchWrite;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final Semaphore pending;
    private final BlockingQueue<PendingInsert<T, R>> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary batchRows;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param name what the writer writes, for its thread, its meters ({@code duckforge.<name>.batch.rows},
     *             {@code duckforge.<name>.pending}) and its errors
     */
    GroupCommitWriter(String name, AgroalDataSource dataSource, BatchWrite<T, R> batchWrite, int maxBatch, Duration maxWait,
                      int maxPending, MeterRegistry registry) {
        this.name = name;
        this.dataSource = dataSource;
        this.batchWrite = batchWrite;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.pending = new Semaphore(maxPending);
        this.batchRows = DistributionSummary.builder("duckforge." + name + ".batch.rows")
                .description("Rows committed together by group commit").register(registry);
        Gauge.builder("duckforge." + name + ".pending", queue, BlockingQueue::size)
                .description("Rows waiting for the group commit; at the limit further ones are refused with 503")
                .register(registry);
        this.writer = new Thread(this::run, "duckforge-group-commit-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Blocks until the row is committed (or refused); runs on a request's worker thread. */
    R write(T row) {
        if (!pending.tryAcquire()) {
            throw new OverloadedException("Too many writes are waiting; retry shortly");
        }
        PendingInsert<T, R> insert = new PendingInsert<>(row, new CompletableFuture<>());
        queue.add(insert);
        try {
            return insert.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StoreException("A group-committed " + name + " write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a " + name + " write to commit", e);
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        for (PendingInsert<T, R> insert = queue.poll(); insert != null; insert = queue.poll()) {
            finish(insert, null, new OverloadedException("The service is stopping; retry against another instance"));
        }
    }

    private void run() {
        while (running) {
            try {
                List<PendingInsert<T, R>> batch = nextBatch();
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Log.error("Group commit writer failed; it goes on with the next batch", e);
            }
        }
    }

    private List<PendingInsert<T, R>> nextBatch() throws InterruptedException {
        List<PendingInsert<T, R>> batch = new ArrayList<>();
        PendingInsert<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatch && maxWaitNanos > 0) {
            long left = deadline - System.nanoTime();
            PendingInsert<T, R> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
        return batch;
    }

    private void write(List<PendingInsert<T, R>> batch) {
        List<R> records;
        try (Connection connection = dataSource.getConnection();
             DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
            records = batchWrite.write(connection, batch.stream().map(PendingInsert::row).toList());
            transaction.commit();
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                finish(batch.get(0), null, e instanceof SQLException sql
                        ? SqlErrors.translate(name + " write", sql) : (RuntimeException) e);
            } else {
                // One bad row must not fail its neighbours: each goes again in a transaction of its own.
                for (PendingInsert<T, R> insert : batch) {
                    write(List.of(insert));
                }
            }
            return;
        }
        batchRows.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            finish(batch.get(i), records.get(i), null);
        }
    }

    private void finish(PendingInsert<T, R> insert, R record, RuntimeException failure) {
        pending.release();
        if (failure == null) {
            insert.result().complete(record);
        } else {
            insert.result().completeExceptionally(failure);
        }
    }

    private record PendingInsert<T, R>(T row, CompletableFuture<R> result) {
    }
}
