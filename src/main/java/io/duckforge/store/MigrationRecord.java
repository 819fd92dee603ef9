package io.duckforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.schema.SchemaChange;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * One applied version of a dataset's schema, from the history table. Version 1 is the declaration
 * ({@code strategy = create}, no changes).
 */
public record MigrationRecord(
        String dataset,
        int version,
        @Schema(type = SchemaType.ARRAY, implementation = SchemaChange.class, description = "the changes as applied")
        JsonNode changes,
        String appliedBy,
        OffsetDateTime appliedAt,
        long durationMs,
        long rowsTouched,
        String strategy) {
}
