package io.duckforge.ops;

import io.duckforge.store.DatasetStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once the database has failed fatally (DuckDB invalidates it when a checkpoint hits a full disk): from then on
 * every statement fails until the process restarts, so the only useful thing Kubernetes can do is restart the pod,
 * which replays the write-ahead log once there is space. A busy pool or a slow query is not a reason to restart and
 * keeps liveness UP.
 */
@Liveness
@ApplicationScoped
public class DatabaseLivenessCheck implements HealthCheck {

    private final DatasetStore store;

    public DatabaseLivenessCheck(DatasetStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return store.fatalError()
                .map(error -> HealthCheckResponse.named("database").down().withData("fatal-error", error).build())
                .orElseGet(() -> HealthCheckResponse.named("database").up().build());
    }
}
