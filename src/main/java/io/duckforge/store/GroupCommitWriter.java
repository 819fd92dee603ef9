package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.duckforge.schema.DatasetSchema;
import io.micrometer.core.instrument.DistributionSummary;
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
 * Group commit for single-record creates. Every DuckDB commit writes and syncs the WAL, and DuckDB commits one
 * transaction at a time, so many writers each committing alone queue on the commit. Here request threads hand their
 * row to one writer thread, which writes whatever has queued (up to a batch) through the Appender in one
 * transaction (an INSERT statement per row cost ~1 ms each and capped a batch writer at ~900 rows/s); each request
 * still waits for, and gets, its own answer. If a batch fails (a unique clash), its rows are retried one by one so only the
 * offending row fails. Waiting creates are bounded: past the bound a create is refused at once (503), not queued.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Writes a batch's rows inside the open transaction, answering their records in the same order. */
    @FunctionalInterface
    interface BatchInsert {
        List<StoredRecord> insert(Connection connection, List<NewRecord> rows) throws SQLException;
    }

    /** A create waiting in the batch. */
    record NewRecord(DatasetSchema schema, Map<String, Object> values) {
    }

    private final AgroalDataSource dataSource;
    private final BatchInsert batchInsert;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final Semaphore pending;
    private final BlockingQueue<PendingInsert> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary batchRows;
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommitWriter(AgroalDataSource dataSource, BatchInsert batchInsert, int maxBatch, Duration maxWait, int maxPending,
                      MeterRegistry registry) {
        this.dataSource = dataSource;
        this.batchInsert = batchInsert;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.pending = new Semaphore(maxPending);
        this.batchRows = DistributionSummary.builder("duckforge.writes.batch.rows")
                .description("Creates committed together by group commit").register(registry);
        registry.gauge("duckforge.writes.pending", queue, BlockingQueue::size);
        this.writer = new Thread(this::run, "duckforge-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Blocks until the row is committed (or refused); runs on a request's worker thread. */
    StoredRecord insert(DatasetSchema schema, Map<String, Object> values) {
        if (!pending.tryAcquire()) {
            throw new OverloadedException("Too many writes are waiting; retry shortly");
        }
        PendingInsert insert = new PendingInsert(new NewRecord(schema, values), new CompletableFuture<>());
        queue.add(insert);
        try {
            return insert.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StoreException("A create failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a create to commit", e);
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        for (PendingInsert insert = queue.poll(); insert != null; insert = queue.poll()) {
            finish(insert, null, new OverloadedException("The service is stopping; retry against another instance"));
        }
    }

    private void run() {
        while (running) {
            try {
                List<PendingInsert> batch = nextBatch();
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

    private List<PendingInsert> nextBatch() throws InterruptedException {
        List<PendingInsert> batch = new ArrayList<>();
        PendingInsert first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatch && maxWaitNanos > 0) {
            long left = deadline - System.nanoTime();
            PendingInsert next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
        return batch;
    }

    private void write(List<PendingInsert> batch) {
        List<StoredRecord> records;
        try (Connection connection = dataSource.getConnection();
             DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
            records = batchInsert.insert(connection, batch.stream().map(PendingInsert::row).toList());
            transaction.commit();
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                PendingInsert insert = batch.get(0);
                finish(insert, null, e instanceof SQLException sql
                        ? SqlErrors.translate("insert on '" + insert.row().schema().name() + "'", sql) : (RuntimeException) e);
            } else {
                // One bad row must not fail its neighbours: each goes again in a transaction of its own.
                for (PendingInsert insert : batch) {
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

    private void finish(PendingInsert insert, StoredRecord record, RuntimeException failure) {
        pending.release();
        if (failure == null) {
            insert.result().complete(record);
        } else {
            insert.result().completeExceptionally(failure);
        }
    }

    private record PendingInsert(NewRecord row, CompletableFuture<StoredRecord> result) {
    }
}
