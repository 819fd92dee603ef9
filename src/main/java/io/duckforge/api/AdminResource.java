package io.duckforge.api;

import io.duckforge.access.Access;
import io.duckforge.access.AuditLog;
import io.duckforge.access.Need;
import io.duckforge.access.Access;
import io.duckforge.access.AuditLog;
import io.duckforge.access.Need;
import io.duckforge.DuckForgeConfig;
import io.duckforge.store.BackupResult;
import io.duckforge.store.DatasetStore;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations an operator (or a CronJob) triggers over HTTP. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminResource {

    private final DatasetStore store;
    private final java.nio.file.Path backupDirectory;

    private final AuditLog audit;

    public AdminResource(DatasetStore store, DuckForgeConfig config, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.backupDirectory = java.nio.file.Path.of(config.backup().dir());
    }

    @POST
    @Path("/backup")
    @Operation(operationId = "backup", summary = "Take a consistent backup",
            description = "Exports every dataset and the catalog, as of one moment, to Parquet in a new directory under "
                    + "duckforge.backup.dir; writes continue meanwhile. One backup runs at a time; a second waits. "
                    + "Restore: docs/operations.md")
    @Access(value = Need.ADMIN, dataset = Access.Dataset.NONE)
    public BackupResult backup() {
        return audit.record("backup", "*", () -> store.backup(backupDirectory));
    }
}
