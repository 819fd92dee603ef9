package io.duckforge.api;

/** {@code {"count": n}}. */
public record CountView(long count) {
}
