package io.duckforge.schema;

import io.duckforge.store.DatasetStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The datasets the service serves. The database's own catalog is the source of truth; this keeps the applied
 * schemas in memory so that each request resolves its dataset without a query.
 */
@ApplicationScoped
public class SchemaCatalog {

    private final DatasetStore store;
    private final Map<String, DatasetSchema> applied = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public SchemaCatalog(DatasetStore store) {
        this.store = store;
    }

    /**
     * Loads the stored catalog, then applies the schema files: a new file creates its dataset, an unchanged one
     * only makes sure its table and indexes exist, and a changed one stops startup rather than be half-applied.
     */
    public void bootstrap(Map<String, DatasetSchema> schemaFiles) {
        for (DatasetSchema schema : store.appliedSchemas()) {
            store.ensureDataset(schema);
            applied.put(schema.name(), schema);
        }
        schemaFiles.forEach((location, schema) -> {
            DatasetSchema current = applied.get(schema.name());
            if (current == null) {
                store.createDataset(schema, "file:" + location);
                applied.put(schema.name(), schema);
                Log.infof("Created dataset '%s' from %s", schema.name(), location);
            } else if (!sameDefinition(current, schema)) {
                throw new SchemaFileException(location + ": differs from the applied definition of dataset '"
                        + schema.name() + "' (version " + current.version() + "); change an applied dataset through "
                        + "PATCH /api/v1/schemas/" + schema.name() + " or restore the file");
            }
        });
        ready = true;
        Log.infof("Serving %d dataset(s): %s", applied.size(), String.join(", ", applied.keySet()));
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

    /** Declares a dataset at runtime: validated, created with its table and indexes, recorded in the catalog. */
    public synchronized DatasetSchema declare(DatasetSchema declared) {
        DatasetSchema schema = SchemaValidator.validate(declared.withVersion(1));
        if (applied.containsKey(schema.name())) {
            throw new SchemaConflictException(schema.name());
        }
        store.createDataset(schema, "api");
        applied.put(schema.name(), schema);
        Log.infof("Declared dataset '%s' with %d properties", schema.name(), schema.properties().size());
        return schema;
    }

    private static boolean sameDefinition(DatasetSchema applied, DatasetSchema file) {
        return applied.properties().equals(file.properties())
                && Objects.equals(applied.description(), file.description());
    }
}
