package io.duckforge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code filtered-page} and {@code count}: realistic filtered reads at concurrency 1. A page's ceiling runs what the
 * answer needs, the page query and the total; a count's ceiling runs the count.
 */
final class FilteredPageWorkload implements Workload {

    private final boolean countsOnly;

    private FilteredPageWorkload(boolean countsOnly) {
        this.countsOnly = countsOnly;
    }

    static FilteredPageWorkload pages() {
        return new FilteredPageWorkload(false);
    }

    static FilteredPageWorkload counts() {
        return new FilteredPageWorkload(true);
    }

    @Override
    public String name() {
        return countsOnly ? "count" : "filtered-page";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        LoadedData data = context.loaded();
        ServiceUnderTest service = context.service();
        List<Measurement> results = new ArrayList<>();
        for (PageQuery query : countsOnly ? PageQuery.counts() : PageQuery.pages()) {
            HttpLoad.Call call = new HttpLoad.Call("read",
                    KeepAliveConnection.get(service.port(), countsOnly ? query.countPath() : query.pagePath()), 200);
            LoadRun serviceRun = HttpLoad.run(service.port(), 1, context.settings().newRun(), random -> call);
            LoadRun ceilingRun = JdbcLoad.run(data.ceiling, 1, context.settings().newRun(), (connection, random) -> {
                if (!countsOnly) {
                    Ceiling.query(connection, query.pageSql(), query.parameters());
                }
                Ceiling.query(connection, query.countSql(), query.parameters());
                return "read";
            });
            Measurement measurement = context.measurement(name(), query.name(), 1, "req/s",
                    Measurement.Side.of(serviceRun.results().get("read")),
                    Measurement.Side.of(ceilingRun.results().get("read")),
                    serviceRun.clientCpuCores());
            results.add(measurement);
        }
        return results;
    }
}
