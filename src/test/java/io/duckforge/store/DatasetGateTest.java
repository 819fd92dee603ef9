package io.duckforge.store;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.UnknownSchemaException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetGateTest {

    private static final DatasetSchema V1 = new DatasetSchema("meters", null, 1,
            List.of(new PropertyDefinition("kwh", PropertyType.NUMBER, false, false, false, null, null)));
    private static final DatasetSchema V2 = V1.withVersion(2);

    // Requests wait as long as a test needs; a migration gives up on requests in flight quickly.
    private final DatasetGate gate = new DatasetGate(Duration.ofMinutes(1), Duration.ofMillis(200));

    DatasetGateTest() {
        gate.open(V1);
    }

    @Test
    void requestsShareTheGate() {
        try (DatasetGate.Pass first = gate.enter(V1); DatasetGate.Pass second = gate.enter(V1)) {
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
        }
    }

    @Test
    void aMigrationWaitsForTheRequestsInFlightAndGivesUpWithBusy() {
        try (DatasetGate.Pass request = gate.enter(V1)) {
            assertThatThrownBy(() -> gate.enterAlone(V1))
                    .isInstanceOf(DatasetBusyException.class)
                    .hasMessageContaining("requests in flight");
        }
        gate.enterAlone(V1).close();
    }

    @Test
    void aRequestDuringAMigrationWaitsForIt() throws Exception {
        DatasetGate.Pass migration = gate.enterAlone(V1);
        FutureTask<DatasetGate.Pass> request = waitingAtTheGate(() -> gate.enter(V2));
        assertThat(request).isNotDone();
        gate.advance(V2);
        migration.close();
        request.get(60, TimeUnit.SECONDS).close();
    }

    @Test
    void aRequestThatResolvedTheOldVersionIsToldToRetry() {
        try (DatasetGate.Pass migration = gate.enterAlone(V1)) {
            gate.advance(V2);
        }
        assertThatThrownBy(() -> gate.enter(V1))
                .isInstanceOf(DatasetBusyException.class)
                .hasMessageContaining("changed to version 2");
    }

    @Test
    void aRequestWaitingOnADropIsAnsweredUnknownDataset() throws Exception {
        DatasetGate.Pass drop = gate.enterAlone(V1);
        FutureTask<DatasetGate.Pass> request = waitingAtTheGate(() -> gate.enter(V1));
        gate.close("meters");
        drop.close();
        assertThatThrownBy(() -> request.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(UnknownSchemaException.class);
    }

    @Test
    void aSharedPassMayBeReleasedByAnotherThread() throws Exception {
        DatasetGate.Pass request = gate.enter(V1);
        CompletableFuture.runAsync(request::close).get(1, TimeUnit.SECONDS);
        gate.enterAlone(V1).close();
    }

    /** Starts {@code entry} on a thread of its own and returns once that thread is blocked at the gate. */
    private static FutureTask<DatasetGate.Pass> waitingAtTheGate(Callable<DatasetGate.Pass> entry) {
        FutureTask<DatasetGate.Pass> task = new FutureTask<>(entry);
        Thread thread = new Thread(task, "request");
        thread.start();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING && !task.isDone()) {
            Thread.onSpinWait();
        }
        return task;
    }
}
