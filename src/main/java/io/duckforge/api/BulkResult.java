package io.duckforge.api;

/** {@code {"records_created": n}}. */
public record BulkResult(long recordsCreated) {
}
