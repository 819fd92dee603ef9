package io.duckforge.store;

import io.duckforge.schema.DatasetSchema;

import java.util.List;

/**
 * What a migration did, or with {@code dryRun} would do: the statements in order ({@code ?} marks a bound value),
 * how the table follows ({@code in_place} or {@code rebuild}), the records it touches and the indexes it builds.
 */
public record MigrationResult(
        String dataset,
        int fromVersion,
        int toVersion,
        boolean dryRun,
        String strategy,
        List<String> statements,
        long rowsTouched,
        List<String> indexesBuilt,
        long durationMs,
        DatasetSchema schema) {
}
