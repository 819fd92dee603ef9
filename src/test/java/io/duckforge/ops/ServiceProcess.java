package io.duckforge.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The packaged service as a child process, for tests that restart it or watch it fail to start. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private ServiceProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts {@code target/quarkus-app/quarkus-run.jar} (path from the failsafe property) with extra environment. */
    static ServiceProcess start(Path workDir, Map<String, String> environment) throws IOException {
        return start(workDir, environment, "256m");
    }

    static ServiceProcess start(Path workDir, Map<String, String> environment, String heap) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        Path log = Files.createTempFile(workDir, "service", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", System.getProperty("duckforge.app.jar", "target/quarkus-app/quarkus-run.jar")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        // The packaged service refuses to start without a chosen mode; these tests are about other things.
        builder.environment().put("DUCKFORGE_AUTH_MODE", "none");
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), log, port, managementPort);
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    /** Probes and metrics: Quarkus' management interface. */
    String managementUri() {
        return "http://localhost:" + managementPort;
    }

    /** Waits until readiness answers UP; fails with the log if the process dies first. */
    ServiceProcess awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(managementUri() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            LockSupport.parkNanos(200_000_000); // polling readiness, not timing it
        }
        throw new IllegalStateException("The service did not become ready:\n" + log());
    }

    /** Waits for the process to exit on its own and answers its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The service did not exit");
        }
        return process.exitValue();
    }

    /** Peak resident set of the process (VmHWM), in MiB. */
    long peakRssMib() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElse(-1);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM: the signal Kubernetes sends first; answers the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The service did not stop within " + STARTUP);
        }
        return process.exitValue();
    }

    /** SIGTERM without waiting: the process goes on through its graceful shutdown meanwhile. */
    void signalTerminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook runs, as when a node dies or the grace period runs out. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then waits for a clean exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
