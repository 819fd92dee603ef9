package io.duckforge.api;

import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code GET /records/{schema}/stream} writes, by {@code format=} name and by media type. */
public enum ExportFormat {
    NDJSON("application/x-ndjson"),
    CSV("text/csv"),
    PARQUET("application/vnd.apache.parquet"),
    ARROW("application/vnd.apache.arrow.stream");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ExportFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.formatName().equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The first acceptable type we can write, in the client's order of preference; no Accept or any type means NDJSON. */
    static Optional<ExportFormat> negotiate(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return Optional.of(NDJSON);
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType()) {
                return Optional.of(NDJSON);
            }
            for (ExportFormat format : values()) {
                if (accepted.isCompatible(MediaType.valueOf(format.mediaType))) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    static String supported() {
        return String.join(", ", Arrays.stream(values()).map(f -> f.formatName() + " (" + f.mediaType + ")").toList());
    }
}
