package io.duckforge.ops;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.store.DatasetStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/** Ready when the catalog is applied and every dataset's table answers a query. */
@Readiness
@ApplicationScoped
public class DatasetsReadinessCheck implements HealthCheck {

    private final SchemaCatalog catalog;
    private final DatasetStore store;

    public DatasetsReadinessCheck(SchemaCatalog catalog, DatasetStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("datasets");
        if (!catalog.isReady()) {
            return response.down().withData("reason", "schemas not applied yet").build();
        }
        List<String> failing = catalog.all().stream()
                .filter(schema -> !store.isQueryable(schema))
                .map(DatasetSchema::name)
                .sorted()
                .toList();
        response.withData("datasets", catalog.all().size());
        if (!failing.isEmpty()) {
            return response.down().withData("unqueryable", String.join(", ", failing)).build();
        }
        return response.up().build();
    }
}
