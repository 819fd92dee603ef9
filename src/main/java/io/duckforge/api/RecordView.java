package io.duckforge.api;

import io.duckforge.store.StoredRecord;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A record as the API answers it: {@code {"id", "schema_name", "data", "created_at", "updated_at", "version"}}. */
public record RecordView(UUID id, String schemaName, Map<String, Object> data, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt, long version) {

    static RecordView of(StoredRecord record) {
        return new RecordView(record.id(), record.schemaName(), record.data(), record.createdAt(), record.updatedAt(),
                record.version());
    }
}
