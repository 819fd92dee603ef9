package io.duckforge.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The system columns a bulk row brought with it (an export being reloaded); each {@code null} is filled in by the
 * store: a new id, the write's time, {@code created_at} for {@code updated_at}, version 1.
 */
public record SystemValues(UUID id, OffsetDateTime createdAt, OffsetDateTime updatedAt, Long version) {

    public static final SystemValues NONE = new SystemValues(null, null, null, null);
}
