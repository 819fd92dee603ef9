package io.duckforge.api;

import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * An {@code If-Match} header (RFC 9110): a record's or dataset's version as its ETag ({@code "3"}, {@code W/"3"} or
 * {@code 3}), a list of them ({@code "3", "4"}: any of these), or {@code *}. JAX-RS's
 * {@code Request.evaluatePreconditions} needs the current version first, which for a write would be a second read
 * racing the write; here a single version goes straight to the store's compare-and-set.
 *
 * @param versions the versions that may be changed; empty for any
 */
record IfMatch(List<Long> versions) {

    static final IfMatch ANY = new IfMatch(List.of());

    static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return ANY;
        }
        List<Long> versions = new ArrayList<>();
        for (String element : header.split(",")) {
            versions.add(version(element.trim()));
        }
        return new IfMatch(List.copyOf(versions));
    }

    /**
     * The version a change must find, for the store to check as it writes: none for any; the one named; of several,
     * the current one when it is named (read through {@code current} only then), else one that is not current, so
     * that the store answers 412.
     */
    OptionalLong expected(LongSupplier current) {
        if (versions.isEmpty()) {
            return OptionalLong.empty();
        }
        if (versions.size() == 1) {
            return OptionalLong.of(versions.get(0));
        }
        long now = current.getAsLong();
        return OptionalLong.of(versions.contains(now) ? now : versions.get(0));
    }

    private static long version(String tag) {
        String bare = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        try {
            long version = Long.parseLong(bare);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ValidationException(FieldError.of("If-Match", "expected versions as ETags, e.g. \"3\" or \"3\", \"4\""));
    }
}
