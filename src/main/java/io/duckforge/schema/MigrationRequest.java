package io.duckforge.schema;

import java.util.List;

/**
 * A request to change a dataset's schema: its changes apply in order, in one transaction, or not at all.
 *
 * @param dryRun    plan and check only: report what would run, change nothing
 * @param appliedBy who asked, as recorded in the migration history
 */
public record MigrationRequest(List<SchemaChange> changes, boolean dryRun, String appliedBy) {

    public MigrationRequest {
        changes = List.copyOf(changes);
    }
}
