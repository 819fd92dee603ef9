package io.duckforge.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A realistic read: the REST parameters the service gets, and the SQL DuckDB would run for the same answer
 * (page plus total for a page; the count alone for a count).
 */
record PageQuery(String name, String filters, String sort, int page, int size, String whereSql, List<Object> parameters,
                 String orderSql) {

    private static OffsetDateTime utc(int year, int month) {
        return OffsetDateTime.of(year, month, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    /** Five page queries over the generated well_production rows (production 2010-2019). */
    static List<PageQuery> pages() {
        return List.of(
                new PageQuery("one field, one year, by period",
                        "[{\"field\":\"field_code\",\"operator\":\"eq\",\"value\":42},"
                                + "{\"field\":\"production_period\",\"operator\":\"gte\",\"value\":\"2015-01-01T00:00:00Z\"},"
                                + "{\"field\":\"production_period\",\"operator\":\"lt\",\"value\":\"2016-01-01T00:00:00Z\"}]",
                        "[{\"field\":\"production_period\",\"order\":\"asc\"}]", 1, 100,
                        "field_code = ? AND production_period >= ? AND production_period < ?",
                        List.of(42L, utc(2015, 1), utc(2016, 1)), "production_period ASC"),
                new PageQuery("top 20 wells by oil in 2019",
                        "[{\"field\":\"production_period\",\"operator\":\"gte\",\"value\":\"2019-01-01T00:00:00Z\"}]",
                        "[{\"field\":\"oil_production_kbd\",\"order\":\"desc\"}]", 1, 20,
                        "production_period >= ?", List.of(utc(2019, 1)), "oil_production_kbd DESC"),
                new PageQuery("one well's history, newest first",
                        "[{\"field\":\"well_code\",\"operator\":\"eq\",\"value\":4242}]",
                        "[{\"field\":\"production_period\",\"order\":\"desc\"}]", 1, 50,
                        "well_code = ?", List.of(4242L), "production_period DESC"),
                new PageQuery("short months of wells named like well_12",
                        "[{\"field\":\"well_name\",\"operator\":\"ilike\",\"value\":\"well_12%\"},"
                                + "{\"field\":\"days_on_production\",\"operator\":\"lt\",\"value\":15}]",
                        "[{\"field\":\"oil_production_kbd\",\"order\":\"desc\"}]", 1, 10,
                        "well_name ILIKE ? AND days_on_production < ?", List.of("well_12%", 15L), "oil_production_kbd DESC"),
                new PageQuery("ten fields above 1 kbd, page 3 by gas",
                        "[{\"field\":\"field_code\",\"operator\":\"in\",\"value\":[1,2,3,4,5,6,7,8,9,10]},"
                                + "{\"field\":\"oil_production_kbd\",\"operator\":\"gt\",\"value\":1.0}]",
                        "[{\"field\":\"gas_production_mmcfd\",\"order\":\"desc\"}]", 3, 100,
                        "field_code IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AND oil_production_kbd > ?",
                        List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 1.0), "gas_production_mmcfd DESC"));
    }

    /** Four filtered counts. */
    static List<PageQuery> counts() {
        return List.of(
                new PageQuery("one field", "[{\"field\":\"field_code\",\"operator\":\"eq\",\"value\":42}]", null, 1, 1,
                        "field_code = ?", List.of(42L), null),
                new PageQuery("one year",
                        "[{\"field\":\"production_period\",\"operator\":\"gte\",\"value\":\"2018-01-01T00:00:00Z\"},"
                                + "{\"field\":\"production_period\",\"operator\":\"lt\",\"value\":\"2019-01-01T00:00:00Z\"}]",
                        null, 1, 1, "production_period >= ? AND production_period < ?", List.of(utc(2018, 1), utc(2019, 1)), null),
                new PageQuery("estimates without gas",
                        "[{\"field\":\"data_source\",\"operator\":\"eq\",\"value\":\"estimate\"},"
                                + "{\"field\":\"gas_production_mmcfd\",\"operator\":\"is_null\"}]",
                        null, 1, 1, "data_source = ? AND gas_production_mmcfd IS NULL", List.of("estimate"), null),
                new PageQuery("wells named like well_9",
                        "[{\"field\":\"well_name\",\"operator\":\"ilike\",\"value\":\"well_9%\"}]",
                        null, 1, 1, "well_name ILIKE ?", List.of("well_9%"), null));
    }

    String pagePath() {
        return "/api/v1/records/" + LoadedData.DATASET + "?filters=" + encode(filters) + "&sort=" + encode(sort)
                + "&page=" + page + "&size=" + size;
    }

    String countPath() {
        return "/api/v1/records/" + LoadedData.DATASET + "/count?filters=" + encode(filters);
    }

    String pageSql() {
        return "SELECT * FROM well_production WHERE " + whereSql + " ORDER BY " + orderSql + ", id ASC LIMIT "
                + size + " OFFSET " + (long) (page - 1) * size;
    }

    String countSql() {
        return "SELECT count(*) FROM well_production WHERE " + whereSql;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
