package io.duckforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** What a reader needs to compare two runs: code, runtime, data and machine. */
record RunInfo(String startedAt, String commit, String jvm, String duckDb, String serviceHeap, int rows,
               String dataSource, String cpu, int cores, long memoryMib, LoadSettings load) {

    static RunInfo collect(String duckDb, String serviceHeap, int rows, String dataSource, LoadSettings load)
            throws IOException, InterruptedException {
        return new RunInfo(
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                gitCommit(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                duckDb, serviceHeap, rows, dataSource,
                cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemoryMib(), load);
    }

    private static String gitCommit() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
        String commit = new String(git.getInputStream().readAllBytes()).trim();
        return git.waitFor() == 0 ? commit : "unknown";
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    private static long totalMemoryMib() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElse(-1L);
    }
}
