package io.duckforge.store;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A record as stored: its system columns and its property values (in schema order). */
public record StoredRecord(
        UUID id,
        String schemaName,
        Map<String, Object> data,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {
}
