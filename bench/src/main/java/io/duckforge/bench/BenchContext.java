package io.duckforge.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every workload shares: the running service, the rows, a scratch directory, and the loaded read data set
 * (made on first use, since only the read workloads need it).
 */
final class BenchContext implements AutoCloseable {

    private final ServiceUnderTest service;
    private final ServiceStarter starter;
    private final List<WellRow> rows;
    private final Path scratch;
    private final LoadSettings settings;
    private final Path outputDirectory;
    private final Map<String, String> options;
    private LoadedData loaded;

    /** Starts another instance of the packaged service, in its own directory, with extra settings. */
    @FunctionalInterface
    interface ServiceStarter {
        /** @param heap the -Xmx; null for the run's {@code --heap} */
        ServiceUnderTest start(String name, String heap, Map<String, String> settings) throws Exception;
    }

    BenchContext(ServiceUnderTest service, ServiceStarter starter, List<WellRow> rows, Path scratch, LoadSettings settings,
                 Path outputDirectory, Map<String, String> options) {
        this.outputDirectory = outputDirectory;
        this.options = options;
        this.service = service;
        this.starter = starter;
        this.rows = rows;
        this.scratch = scratch;
        this.settings = settings;
    }

    ServiceUnderTest service() {
        return service;
    }

    /** A second service to compare a setting against the main one; the caller closes it. */
    ServiceUnderTest startService(String name, Map<String, String> settings) throws Exception {
        return starter.start(name, null, settings);
    }

    /** The same with its own heap, for a workload that proves a memory bound. */
    ServiceUnderTest startService(String name, String heap, Map<String, String> settings) throws Exception {
        return starter.start(name, heap, settings);
    }

    List<WellRow> rows() {
        return rows;
    }

    Path scratch() {
        return scratch;
    }

    LoadSettings settings() {
        return settings;
    }

    /** Where reports go ({@code --out}); a workload with a report of its own writes it there. */
    Path outputDirectory() {
        return outputDirectory;
    }

    /** Table sizes a workload runs at: {@code --<option> 1000000,10000000}, else 1M and 10M rows. */
    List<Integer> sizes(String option) {
        String configured = option(option);
        return configured == null ? List.of(1_000_000, 10_000_000)
                : java.util.Arrays.stream(configured.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    /** A command-line option ({@code --name value}) a workload reads itself; null when absent. */
    String option(String name) {
        return options.get(name);
    }

    /** The rows in the service's {@code well_production} and in the ceiling's database, loaded once. */
    LoadedData loaded() throws Exception {
        if (loaded == null) {
            loaded = LoadedData.load(this);
        }
        return loaded;
    }

    @Override
    public void close() throws Exception {
        if (loaded != null) {
            loaded.close();
        }
    }

    /** A measurement with the service's memory after the case, printed as it is made. */
    Measurement measurement(String workload, String caseName, int concurrency, String unit,
                            Measurement.Side serviceSide, Measurement.Side ceilingSide, double clientCpu) throws Exception {
        Measurement measurement = new Measurement(workload, caseName, concurrency, unit, serviceSide, ceilingSide,
                clientCpu, service.peakRssMib(), service.heapUsedMib());
        BenchMain.print(measurement);
        return measurement;
    }
}
