package io.duckforge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged service started by the harness on its own temporary DuckDB file. */
final class ServiceUnderTest implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

    private final Process process;
    private final Path workDir;
    private final int port;
    private final int managementPort;
    private final String baseUri;
    private final HttpClient client;
    final String heap;

    private ServiceUnderTest(Process process, Path workDir, int port, int managementPort, HttpClient client, String heap) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.managementPort = managementPort;
        String baseUri = "http://localhost:" + port;
        this.baseUri = baseUri;
        this.client = client;
        this.heap = heap;
    }

    static ServiceUnderTest start(Path jar, Path workDir, String heap) throws Exception {
        return start(jar, workDir, heap, Map.of());
    }

    /** @param settings extra environment, e.g. a {@code DUCKFORGE_*} setting to compare */
    static ServiceUnderTest start(Path jar, Path workDir, String heap, Map<String, String> settings) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("service.log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().put("DUCKFORGE_DUCKDB_PATH", workDir.resolve("bench.duckdb").toString());
        builder.environment().put("DUCKFORGE_BULK_MAX_ROWS", "10000000");
        builder.environment().put("DUCKFORGE_AUTH_MODE", "none");
        builder.environment().putAll(settings);
        ServiceUnderTest service = new ServiceUnderTest(builder.start(), workDir, port, managementPort,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(), heap);
        service.awaitReady(workDir);
        return service;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Probes and metrics: Quarkus' management interface. */
    int managementPort() {
        return managementPort;
    }

    private URI management(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    URI uri(String path) {
        return URI.create(baseUri + path);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** How many lines of the service's log so far contain {@code text}. */
    long logLines(String text) throws IOException {
        try (var lines = Files.lines(workDir.resolve("service.log"))) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** Peak resident set of the service process (VmHWM), in MiB. */
    long peakRssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** The value of an unlabelled gauge at /q/metrics; NaN when absent. */
    double gauge(String name) throws Exception {
        return send(HttpRequest.newBuilder(management("/q/metrics")).build()).body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    /** Heap in use now, summed over the heap pools reported at /q/metrics, in MiB. */
    long heapUsedMib() throws Exception {
        String metrics = send(HttpRequest.newBuilder(management("/q/metrics")).build()).body();
        double bytes = 0;
        Matcher matcher = HEAP_USED.matcher(metrics);
        while (matcher.find()) {
            bytes += Double.parseDouble(matcher.group(1));
        }
        return Math.round(bytes / (1024 * 1024));
    }

    private void awaitReady(Path workDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // a start may replay a large write-ahead log
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited; see " + workDir.resolve("service.log"));
            }
            try {
                if (send(HttpRequest.newBuilder(management("/q/health/ready")).build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service did not become ready; see " + workDir.resolve("service.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
