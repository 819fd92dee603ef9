package io.duckforge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code aggregate} workload's tables and chart. */
final class AggregateReport {

    private final Path directory;

    AggregateReport(Path directory) {
        this.directory = directory;
    }

    void write(List<AggregateWorkload.Result> results, String postgresVersion, String heap) throws Exception {
        Files.createDirectories(directory);
        RunInfo run = RunInfo.collect("", heap, 0, "", null);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("aggregates.json").toFile(),
                Map.of("postgresql", postgresVersion, "run", run, "results", results));
        chart(results);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run %s at commit %s on %d cores (%s), %,d MiB. Service: -Xmx%s. PostgreSQL %s (%s), "
                + "queried directly over JDBC. Times are medians; ratios are of times measured in the same run.%n%n",
                run.startedAt(), run.commit(), run.cores(), run.cpu(), run.memoryMib(), heap, postgresVersion, PostgresServer.settings()));
        md.append("| rows | question | groups | service ms | raw DuckDB ms | service/ceiling | PostgreSQL ms | PostgreSQL / service | service RSS MiB | heap used MiB |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AggregateWorkload.Result r : results) {
            md.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %.1f | %.1f | %.2f | %s | %s | %,d | %,d |%n", r.rows(), r.query(),
                    r.groups(), r.serviceMs(), r.ceilingMs(), r.ceilingMs() / r.serviceMs(),
                    r.postgresMs() == null ? "—" : String.format(Locale.ROOT, "%.1f", r.postgresMs()),
                    r.postgresMs() == null ? "—" : String.format(Locale.ROOT, "%.1f×", r.postgresMs() / r.serviceMs()),
                    r.serviceRssMib(), r.serviceHeapMib()));
        }
        md.append("\n![aggregates](aggregates.png)\n");
        Files.writeString(directory.resolve("aggregates-results.md"), md.toString());
    }

    void chart(List<AggregateWorkload.Result> results) throws Exception {
        int largest = results.stream().mapToInt(AggregateWorkload.Result::rows).max().orElse(0);
        DefaultCategoryDataset times = new DefaultCategoryDataset();
        for (AggregateWorkload.Result r : results) {
            if (r.rows() != largest || r.postgresMs() == null) {
                continue;
            }
            String question = r.query().replaceAll(" \\(.*\\)$", "");
            times.addValue(r.serviceMs(), "DuckForge (HTTP)", question);
            times.addValue(r.ceilingMs(), "raw DuckDB (JDBC)", question);
            times.addValue(r.postgresMs(), "PostgreSQL (JDBC, indexed)", question);
        }
        JFreeChart chart = ChartFactory.createBarChart(String.format(Locale.ROOT, "Aggregates on %,d rows (median ms, log scale)", largest),
                "question", "ms", times, PlotOrientation.HORIZONTAL, true, false, false);
        double slowest = results.stream().filter(r -> r.rows() == largest && r.postgresMs() != null)
                .mapToDouble(r -> Math.max(r.postgresMs(), Math.max(r.serviceMs(), r.ceilingMs()))).max().orElse(10);
        LogAxis axis = new LogAxis("ms (log scale)");
        axis.setBase(10);
        axis.setRange(1, slowest * 2);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        chart.getCategoryPlot().setRangeAxis(axis);
        ChartUtils.saveChartAsPNG(directory.resolve("aggregates.png").toFile(), chart, 1000, 500);
    }
}
