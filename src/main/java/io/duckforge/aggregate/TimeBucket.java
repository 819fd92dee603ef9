package io.duckforge.aggregate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A calendar period a date or date-time is truncated to for grouping; weeks start on Monday (ISO 8601). */
public enum TimeBucket {
    YEAR, QUARTER, MONTH, WEEK, DAY, HOUR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimeBucket> fromWireName(String name) {
        return Arrays.stream(values()).filter(bucket -> bucket.wireName().equals(name)).findFirst();
    }
}
