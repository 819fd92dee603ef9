package io.duckforge.ops;

import io.duckforge.DuckForgeConfig;
import io.duckforge.api.ScratchFiles;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.SchemaFileException;
import io.duckforge.schema.SchemaFileSource;
import io.duckforge.store.DatasetStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Opens the database (however long its write-ahead log takes to replay), removes what a killed process left on disk
 * ({@link CrashLeftovers}), restores a backup into a fresh database when asked to, applies the catalog and schema files before the service reports itself ready (a bad file stops startup), and drops
 * idempotency keys past their retention.
 */
@ApplicationScoped
public class ServiceStartup {

    private final SchemaCatalog catalog;
    private final SchemaFileSource schemaFiles;
    private final DatasetStore store;
    private final Duration keyRetention;
    private final Optional<String> restoreFrom;
    private final ScratchFiles scratch;
    private final Path backupDirectory;

    public ServiceStartup(SchemaCatalog catalog, SchemaFileSource schemaFiles, DatasetStore store, DuckForgeConfig config,
                          ScratchFiles scratch) {
        this.scratch = scratch;
        this.backupDirectory = Path.of(config.backup().dir());
        this.catalog = catalog;
        this.schemaFiles = schemaFiles;
        this.store = store;
        this.keyRetention = config.idempotency().retention();
        this.restoreFrom = config.backup().restoreFrom();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            store.open();
        } catch (RuntimeException e) {
            Log.errorf("Cannot start: %s", e.getMessage());
            throw e;
        }
        CrashLeftovers.remove(scratch.directory(), path -> true);
        CrashLeftovers.remove(backupDirectory, path -> path.getFileName().toString().endsWith(".partial"));
        restoreFrom.map(Path::of).ifPresent(backup -> {
            if (store.restore(backup)) {
                Log.infof("Restored the database from the backup %s", backup);
            } else {
                Log.warnf("duckforge.backup.restore-from is set (%s) but the database already has datasets; nothing was restored", backup);
            }
        });
        try {
            catalog.bootstrap(schemaFiles.readAll());
        } catch (SchemaFileException e) {
            Log.errorf("Cannot start: schema file problem: %s", e.getMessage());
            throw e;
        }
        long purged = store.purgeIdempotencyKeys(OffsetDateTime.now(ZoneOffset.UTC).minus(keyRetention));
        if (purged > 0) {
            Log.infof("Dropped %d idempotency keys older than %s or left unanswered by an earlier run", purged, keyRetention);
        }
    }
}
