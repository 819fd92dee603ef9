package io.duckforge.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's PNG charts: throughput against the ceiling, and latency percentiles against concurrency. */
final class ChartWriter {

    private ChartWriter() {
    }

    /** @return the file names written, relative to the directory */
    static List<String> write(Path directory, List<Measurement> measurements) throws IOException {
        List<String> files = new ArrayList<>();
        files.add(throughput(directory, measurements));
        latencyGroups(measurements).forEach((group, rows) -> {
            if (rows.size() > 1) {
                try {
                    files.add(latency(directory, group, rows));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return files;
    }

    private static String throughput(Path directory, List<Measurement> measurements) throws IOException {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Measurement m : measurements) {
            String label = m.workload() + ": " + m.caseName();
            dataset.addValue(m.service().throughput(), "service", label);
            dataset.addValue(m.ceiling().throughput(), "raw DuckDB ceiling", label);
        }
        JFreeChart chart = ChartFactory.createBarChart("Throughput against the raw-DuckDB ceiling (log scale; rows/s or req/s)",
                null, "per second", dataset, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxis(logAxis("per second (log)"));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        String file = "throughput.png";
        ChartUtils.saveChartAsPNG(directory.resolve(file).toFile(), chart, 1100, 120 + 34 * measurements.size());
        return file;
    }

    private static String latency(Path directory, String group, List<Measurement> rows) throws IOException {
        XYSeriesCollection series = new XYSeriesCollection();
        XYSeries[] lines = {new XYSeries("service p50"), new XYSeries("service p95"), new XYSeries("service p99"),
                new XYSeries("ceiling p50"), new XYSeries("ceiling p99")};
        for (Measurement m : rows) {
            lines[0].add(m.concurrency(), m.service().p50());
            lines[1].add(m.concurrency(), m.service().p95());
            lines[2].add(m.concurrency(), m.service().p99());
            lines[3].add(m.concurrency(), Math.max(m.ceiling().p50(), 0.001));
            lines[4].add(m.concurrency(), Math.max(m.ceiling().p99(), 0.001));
        }
        for (XYSeries line : lines) {
            series.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(group + ": latency against concurrency", "concurrent clients",
                "milliseconds (log)", series, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(logAxis("concurrent clients (log)"));
        plot.setRangeAxis(logAxis("milliseconds (log)"));
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        String file = "latency-" + group.replaceAll("[^a-z0-9]+", "-") + ".png";
        ChartUtils.saveChartAsPNG(directory.resolve(file).toFile(), chart, 900, 500);
        return file;
    }

    private static LogarithmicAxis logAxis(String label) {
        LogarithmicAxis axis = new LogarithmicAxis(label);
        axis.setStrictValuesFlag(false);
        return axis;
    }

    /** Cases that differ only by concurrency: "concurrency 8" and "read, concurrency 8" group by workload and operation. */
    private static Map<String, List<Measurement>> latencyGroups(List<Measurement> measurements) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            int at = m.caseName().indexOf("concurrency");
            if (at < 0 || m.service().p50() == 0) {
                continue;
            }
            String operation = m.caseName().substring(0, at).replace(",", "").trim();
            String group = operation.isEmpty() ? m.workload() : m.workload() + " " + operation;
            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(m);
        }
        return groups;
    }
}
