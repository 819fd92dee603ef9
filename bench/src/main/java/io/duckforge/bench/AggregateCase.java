package io.duckforge.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One question of the {@code aggregate} workload, three ways: the service's request, the SQL a DuckDB user would
 * write for it, and the SQL a PostgreSQL user would. Each returns the same groups.
 *
 * @param format {@code ndjson} to stream every group, {@code json} for the JSON answer
 */
record AggregateCase(String name, String groupBy, String metrics, String filters, String sort, Integer limit, String format,
                     String duckDbSql, String postgresSql, List<Object> parameters) {

    private static final OffsetDateTime Y2015 = OffsetDateTime.of(2015, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime Y2016 = Y2015.plusYears(1);
    private static final OffsetDateTime Y2019 = Y2015.plusYears(4);
    private static final OffsetDateTime Y2020 = Y2015.plusYears(5);
    private static final String IN_2015 = "[{\"field\": \"production_period\", \"operator\": \"gte\", \"value\": \"2015-01-01T00:00:00Z\"},"
            + " {\"field\": \"production_period\", \"operator\": \"lt\", \"value\": \"2016-01-01T00:00:00Z\"}]";
    private static final String IN_2019 = IN_2015.replace("2015", "2019").replace("2016", "2020");
    private static final String WHERE_YEAR = " WHERE production_period >= ? AND production_period < ?";

    static List<AggregateCase> all() {
        String monthly = "SELECT field_code, date_trunc('month', production_period) AS month, sum(oil_production_kbd),"
                + " sum(gas_production_mmcfd) FROM well_production" + WHERE_YEAR + " GROUP BY 1, 2 ORDER BY 1, 2";
        String distinct = "SELECT field_code, count(DISTINCT well_code) FROM well_production GROUP BY 1 ORDER BY 1";
        String top = "SELECT field_code, sum(oil_production_kbd) AS oil FROM well_production" + WHERE_YEAR
                + " GROUP BY 1 ORDER BY oil DESC NULLS LAST LIMIT 11";
        String yearly = "SELECT date_trunc('year', production_period) AS year, count(*), sum(oil_production_kbd),"
                + " avg(days_on_production) FROM well_production GROUP BY 1 ORDER BY 1";
        return List.of(
                new AggregateCase("monthly oil and gas per field, one year (NDJSON)",
                        "[\"field_code\", {\"field\": \"production_period\", \"bucket\": \"month\"}]",
                        "[{\"fn\": \"sum\", \"field\": \"oil_production_kbd\"}, {\"fn\": \"sum\", \"field\": \"gas_production_mmcfd\"}]",
                        IN_2015, null, null, "ndjson", monthly, monthly, List.of(Y2015, Y2016)),
                new AggregateCase("distinct wells per field (NDJSON)", "[\"field_code\"]",
                        "[{\"fn\": \"count_distinct\", \"field\": \"well_code\"}]", null, null, null, "ndjson",
                        distinct, distinct, List.of()),
                new AggregateCase("p95 of daily gas per well, all years (NDJSON)", "[\"well_code\"]",
                        "[{\"fn\": \"quantile\", \"field\": \"gas_production_mmcfd\", \"q\": 0.95}]", null, null, null, "ndjson",
                        "SELECT well_code, quantile_cont(gas_production_mmcfd, 0.95) FROM well_production GROUP BY 1 ORDER BY 1",
                        "SELECT well_code, percentile_cont(0.95) WITHIN GROUP (ORDER BY gas_production_mmcfd)"
                                + " FROM well_production GROUP BY 1 ORDER BY 1", List.of()),
                new AggregateCase("top 10 fields by oil in 2019 (JSON)", "[\"field_code\"]",
                        "[{\"fn\": \"sum\", \"field\": \"oil_production_kbd\", \"as\": \"oil\"}]", IN_2019,
                        "[{\"field\": \"oil\", \"order\": \"desc\"}]", 10, "json", top, top, List.of(Y2019, Y2020)),
                new AggregateCase("yearly totals (JSON)", "[{\"field\": \"production_period\", \"bucket\": \"year\"}]",
                        "[{\"fn\": \"count\"}, {\"fn\": \"sum\", \"field\": \"oil_production_kbd\"}, {\"fn\": \"avg\", \"field\": \"days_on_production\"}]",
                        null, null, null, "json", yearly, yearly, List.of()));
    }

    /** One group per record: the memory bound, not a question anyone asks. */
    static AggregateCase groupById() {
        String sql = "SELECT id, sum(oil_production_kbd) FROM well_production GROUP BY 1 ORDER BY 1";
        return new AggregateCase("group by id, one group per record (NDJSON)", "[\"id\"]",
                "[{\"fn\": \"sum\", \"field\": \"oil_production_kbd\"}]", null, null, null, "ndjson", sql, null, List.of());
    }

    String path(String dataset) {
        StringBuilder path = new StringBuilder("/api/v1/records/" + dataset + "/aggregate?format=" + format)
                .append("&group_by=").append(encode(groupBy)).append("&metrics=").append(encode(metrics));
        if (filters != null) {
            path.append("&filters=").append(encode(filters));
        }
        if (sort != null) {
            path.append("&sort=").append(encode(sort));
        }
        if (limit != null) {
            path.append("&limit=").append(limit);
        }
        return path.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
