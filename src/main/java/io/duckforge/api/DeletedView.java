package io.duckforge.api;

/** {@code {"deleted": n}}. */
public record DeletedView(long deleted) {
}
