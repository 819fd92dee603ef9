package io.duckforge.ops;

import io.duckforge.DuckForgeConfig;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.SchemaFileException;
import io.duckforge.schema.SchemaFileSource;
import io.duckforge.store.DatasetStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Applies the catalog and schema files before the service reports itself ready (a bad file stops startup), and drops
 * idempotency keys past their retention.
 */
@ApplicationScoped
public class ServiceStartup {

    private final SchemaCatalog catalog;
    private final SchemaFileSource schemaFiles;
    private final DatasetStore store;
    private final Duration keyRetention;

    public ServiceStartup(SchemaCatalog catalog, SchemaFileSource schemaFiles, DatasetStore store, DuckForgeConfig config) {
        this.catalog = catalog;
        this.schemaFiles = schemaFiles;
        this.store = store;
        this.keyRetention = config.idempotency().retention();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            catalog.bootstrap(schemaFiles.readAll());
        } catch (SchemaFileException e) {
            Log.errorf("Cannot start: schema file problem: %s", e.getMessage());
            throw e;
        }
        long purged = store.purgeIdempotencyKeys(OffsetDateTime.now(ZoneOffset.UTC).minus(keyRetention));
        if (purged > 0) {
            Log.infof("Dropped %d idempotency keys older than %s", purged, keyRetention);
        }
    }
}
