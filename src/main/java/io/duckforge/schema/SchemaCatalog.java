package io.duckforge.schema;

import io.duckforge.DuckForgeConfig;
import io.duckforge.store.DatasetStore;
import io.duckforge.store.MigrationRecord;
import io.duckforge.store.MigrationRefusedException;
import io.duckforge.store.MigrationResult;
import io.duckforge.store.VersionMismatchException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The datasets the service serves. The database's own catalog is the source of truth; this keeps the applied
 * schemas in memory so that each request resolves its dataset without a query.
 */
@ApplicationScoped
public class SchemaCatalog {

    /** How a dataset's creation or migration by a schema file is recorded ({@code applied_by}, the catalog's source). */
    private static final String FILE_SOURCE = "file:";

    private final DatasetStore store;
    private final boolean allowDestructiveFileChanges;
    private final Map<String, DatasetSchema> applied = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public SchemaCatalog(DatasetStore store, DuckForgeConfig config) {
        this.store = store;
        this.allowDestructiveFileChanges = config.schemas().allowDestructiveChanges();
    }

    /**
     * Loads the stored catalog, then applies the schema files as the desired state: a new file creates its dataset;
     * a changed one is migrated when every change is additive (or destructive changes are allowed), and otherwise
     * stops startup rather than drop or rewrite data on its own. An unchanged file changes nothing.
     */
    public void bootstrap(Map<String, DatasetSchema> schemaFiles) {
        for (DatasetSchema schema : store.appliedSchemas()) {
            store.ensureDataset(schema);
            applied.put(schema.name(), schema);
        }
        schemaFiles.forEach((location, schema) -> {
            DatasetSchema current = applied.get(schema.name());
            if (current == null) {
                store.createDataset(schema, FILE_SOURCE + location);
                applied.put(schema.name(), schema);
                Log.infof("Created dataset '%s' from %s", schema.name(), location);
            } else {
                applyFile(location, current, schema);
            }
        });
        ready = true;
        Log.infof("Serving %d dataset(s): %s", applied.size(), String.join(", ", applied.keySet()));
    }

    private void applyFile(String location, DatasetSchema current, DatasetSchema file) {
        List<SchemaChange> changes = SchemaDiff.between(current, file);
        if (changes.isEmpty()) {
            return;
        }
        List<SchemaChange> destructive = changes.stream().filter(change -> !change.op().additive()).toList();
        Optional<MigrationRecord> changedThroughApi = newestMigration(file.name())
                .filter(newest -> !newest.appliedBy().startsWith(FILE_SOURCE));
        if (!destructive.isEmpty() && changedThroughApi.isPresent()) {
            // The file is older than the dataset: applying it would undo what PATCH did (a rename would drop the
            // renamed column with its values). The dataset stays as it is; the start goes on.
            Log.warnf("%s: dataset '%s' was changed through the API since the file was last applied (version %d, by %s); "
                            + "the file's differences %s are not applied. Update the file to match the dataset.",
                    location, file.name(), changedThroughApi.get().version(), changedThroughApi.get().appliedBy(), changes);
            return;
        }
        if (!destructive.isEmpty() && !allowDestructiveFileChanges) {
            throw new SchemaFileException(location + ": dataset '" + file.name() + "' (version " + current.version()
                    + ") would need changes that are not additive: " + destructive + ". Make them through PATCH /api/v1/schemas/"
                    + file.name() + " (a rename keeps the values, which a file cannot say), or set "
                    + "duckforge.schemas.allow-destructive-changes=true to apply the file as it is");
        }
        try {
            MigrationResult result = migrate(file.name(), new MigrationRequest(changes, false, FILE_SOURCE + location));
            Log.infof("Migrated dataset '%s' to version %d from %s: %s (%s, %d records touched)", file.name(),
                    result.toVersion(), location, changes, result.strategy(), result.rowsTouched());
        } catch (ValidationException | MigrationRefusedException e) {
            throw new SchemaFileException(location + ": dataset '" + file.name() + "' cannot be migrated to the file's "
                    + "definition: " + e.getMessage());
        }
    }

    private Optional<MigrationRecord> newestMigration(String dataset) {
        List<MigrationRecord> history = store.migrations(dataset);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** Whether {@link #bootstrap} has completed. */
    public boolean isReady() {
        return ready;
    }

    public DatasetSchema require(String name) {
        DatasetSchema schema = applied.get(name);
        if (schema == null) {
            throw new UnknownSchemaException(name);
        }
        return schema;
    }

    public List<DatasetSchema> all() {
        return applied.values().stream().sorted(Comparator.comparing(DatasetSchema::name)).toList();
    }

    /**
     * Declares a dataset at runtime: validated, created with its table and indexes, recorded in the catalog as applied
     * by {@code appliedBy}.
     */
    public synchronized DatasetSchema declare(DatasetSchema declared, String appliedBy) {
        DatasetSchema schema = SchemaValidator.validate(declared.withVersion(1));
        if (applied.containsKey(schema.name())) {
            throw new SchemaConflictException(schema.name());
        }
        store.createDataset(schema, appliedBy);
        applied.put(schema.name(), schema);
        Log.infof("Declared dataset '%s' with %d properties", schema.name(), schema.properties().size());
        return schema;
    }

    /**
     * Applies a migration: the changes are checked against the applied schema, then the store migrates the table.
     * One migration at a time: each is planned against the version the previous one left.
     */
    public MigrationResult migrate(String name, MigrationRequest request) {
        return migrate(name, request, OptionalLong.empty());
    }

    /** @param expectedVersion when present, the migration applies only to that version of the dataset (else 412) */
    public synchronized MigrationResult migrate(String name, MigrationRequest request, OptionalLong expectedVersion) {
        DatasetSchema current = require(name);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new VersionMismatchException("Dataset '" + name + "'", expectedVersion.getAsLong(), current.version());
        }
        DatasetSchema target = SchemaEvolution.apply(current, request.changes());
        return store.migrate(current, request, target, migrated -> applied.put(migrated.name(), migrated));
    }

    public List<MigrationRecord> migrations(String name) {
        require(name);
        return store.migrations(name);
    }

    /** Drops a dataset with its records and history; a schema file that declares it creates it anew at the next start. */
    public synchronized void drop(String name) {
        DatasetSchema schema = require(name);
        store.dropDataset(schema, () -> applied.remove(name));
        Log.infof("Dropped dataset '%s' (version %d)", name, schema.version());
    }
}
