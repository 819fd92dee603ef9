package io.duckforge.api;

import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;

import java.util.OptionalLong;

/** Reads an {@code If-Match} header: a record's or dataset's version as its ETag ({@code "3"}, {@code W/"3"} or {@code 3}). */
final class IfMatch {

    private IfMatch() {
    }

    /** @return the expected version; empty when the header is absent or {@code *} (any version) */
    static OptionalLong parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 1) {
                return OptionalLong.of(version);
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ValidationException(FieldError.of("If-Match", "expected one version as an ETag, e.g. \"3\""));
    }
}
