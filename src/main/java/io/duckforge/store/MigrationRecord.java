package io.duckforge.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * One applied version of a dataset's schema, from the history table. Version 1 is the declaration
 * ({@code strategy = create}, no changes).
 */
public record MigrationRecord(
        String dataset,
        int version,
        JsonNode changes,
        String appliedBy,
        OffsetDateTime appliedAt,
        long durationMs,
        long rowsTouched,
        String strategy) {
}
