package io.duckforge.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic well_production rows of any count (1M, 10M): one row per well and month, wells grouped into fields,
 * production declining over each well's life with noise, a few nulls, skewed sources. Row {@code i} depends only on
 * the seed and {@code i}, so runs are repeatable and rows can be produced in any order without storing them.
 */
final class WellRowGenerator {

    private static final OffsetDateTime FIRST_PERIOD = OffsetDateTime.of(2010, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String[] SOURCES = {"state_regulator", "state_regulator", "state_regulator", "operator_report",
            "operator_report", "estimate", "performance_test"};
    private static final int MONTHS_PER_WELL = 120;
    private static final int WELLS_PER_FIELD = 8;

    private final long seed;
    private final int wells;

    WellRowGenerator(long seed, int rows) {
        this.seed = seed;
        this.wells = Math.max(100, rows / MONTHS_PER_WELL);
    }

    int wells() {
        return wells;
    }

    int fields() {
        return (wells + WELLS_PER_FIELD - 1) / WELLS_PER_FIELD;
    }

    /** A list view that generates each row on access. */
    List<WellRow> rows(int count) {
        return new AbstractList<>() {
            @Override
            public WellRow get(int index) {
                return row(index);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    WellRow row(long index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        long well = index % wells;
        long month = index / wells;
        long field = well / WELLS_PER_FIELD;
        double initialOil = 0.2 + 4.0 * new SplittableRandom(seed + well).nextDouble();
        double oil = initialOil * Math.exp(-month / 48.0) * (0.85 + 0.3 * random.nextDouble());
        double gasOilRatio = 1.5 + (well % 7) * 0.4;
        return new WellRow(
                field,
                "Field_" + field,
                well,
                "WELL_REF_" + String.format("%06d", well),
                "Well_" + well,
                FIRST_PERIOD.plusMonths(month),
                random.nextInt(100) == 0 ? null : (long) (random.nextInt(10) == 0 ? random.nextInt(1, 28) : 28 + random.nextInt(4)),
                round(oil),
                random.nextInt(30) == 0 ? null : round(oil * gasOilRatio),
                random.nextInt(30) == 0 ? null : round(oil * 0.12),
                random.nextInt(30) == 0 ? null : round(oil * (0.3 + month / 60.0)),
                SOURCES[random.nextInt(SOURCES.length)],
                "{\"report_id\": " + index + ", \"unit\": \"kbd\"}",
                "partition_" + (month / 12));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
