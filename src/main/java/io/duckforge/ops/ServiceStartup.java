package io.duckforge.ops;

import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.SchemaFileException;
import io.duckforge.schema.SchemaFileSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Applies the catalog and schema files before the service reports itself ready; a bad file stops startup. */
@ApplicationScoped
public class ServiceStartup {

    private final SchemaCatalog catalog;
    private final SchemaFileSource schemaFiles;

    public ServiceStartup(SchemaCatalog catalog, SchemaFileSource schemaFiles) {
        this.catalog = catalog;
        this.schemaFiles = schemaFiles;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            catalog.bootstrap(schemaFiles.readAll());
        } catch (SchemaFileException e) {
            Log.errorf("Cannot start: schema file problem: %s", e.getMessage());
            throw e;
        }
    }
}
