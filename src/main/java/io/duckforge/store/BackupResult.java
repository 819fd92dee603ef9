package io.duckforge.store;

/** A finished backup: where it is, what it holds, how long it took. */
public record BackupResult(String location, int datasets, long records, long bytes, long durationMs) {
}
