package io.duckforge.bench;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wal-replay}: what a crash costs at the next start. A database with 100K well_production rows, checkpointed,
 * gets more rows written with checkpoints held off, so they sit in the write-ahead log, as after a kill -9. The same
 * files are then opened twice: by plain DuckDB JDBC (the ceiling) and by the packaged service, whose log says how
 * long it took to open the file and which must then serve every row. Its own report: {@code wal-replay.md}.
 */
final class WalReplayWorkload implements Workload {

    private static final long[] WAL_MEGABYTES = {4, 16, 64};
    private static final int SEED_ROWS = 100_000;
    private static final Pattern OPENED = Pattern.compile("Opened the database \\S+ in (\\d+) ms");

    /** One start: the log's size, plain DuckDB's open, the service's open and its whole start. */
    record Replay(long walBytes, long rows, long rawOpenMillis, long serviceOpenMillis, long serviceReadyMillis,
                  long rowsServed) {
    }

    @Override
    public String name() {
        return "wal-replay";
    }

    @Override
    public boolean ownReport() {
        return true;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        Path seed = seedDatabase(context);
        List<Replay> replays = new ArrayList<>();
        for (long megabytes : WAL_MEGABYTES) {
            Path service = Files.createDirectories(context.scratch().resolve("wal-" + megabytes));
            Files.copy(seed, service.resolve("bench.duckdb"), StandardCopyOption.REPLACE_EXISTING);
            long rows = growWriteAheadLog(service.resolve("bench.duckdb"), megabytes << 20);
            Path raw = Files.createDirectories(context.scratch().resolve("wal-" + megabytes + "-raw"));
            Files.copy(service.resolve("bench.duckdb"), raw.resolve("bench.duckdb"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(service.resolve("bench.duckdb.wal"), raw.resolve("bench.duckdb.wal"), StandardCopyOption.REPLACE_EXISTING);
            long walBytes = Files.size(service.resolve("bench.duckdb.wal"));
            long rawOpen = timeOpen(raw.resolve("bench.duckdb"));
            long started = System.nanoTime();
            try (ServiceUnderTest replayed = context.startService("wal-" + megabytes, Map.of())) {
                long ready = (System.nanoTime() - started) / 1_000_000;
                Matcher opened = OPENED.matcher(Files.readString(service.resolve("service.log")));
                long served = Long.parseLong(replayed.send(HttpRequest.newBuilder(
                        replayed.uri("/api/v1/records/" + LoadedData.DATASET + "/count")).build()).body().replaceAll("\\D", ""));
                Replay replay = new Replay(walBytes, rows, rawOpen, opened.find() ? Long.parseLong(opened.group(1)) : -1,
                        ready, served);
                System.out.println("wal-replay: " + replay);
                replays.add(replay);
            }
        }
        Files.writeString(context.outputDirectory().resolve("wal-replay.md"), WalReplayReport.render(replays, SEED_ROWS));
        return List.of();
    }

    /** A service's database with the seed rows, checkpointed by a clean stop. */
    private static Path seedDatabase(BenchContext context) throws Exception {
        try (ServiceUnderTest seeding = context.startService("wal-seed", Map.of())) {
            byte[] body = IngestJsonWorkload.jsonArray(context.rows().subList(0, Math.min(SEED_ROWS, context.rows().size())));
            seeding.send(HttpRequest.newBuilder(seeding.uri("/api/v1/records/" + LoadedData.DATASET + "/bulk"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }
        return context.scratch().resolve("wal-seed").resolve("bench.duckdb");
    }

    /** Copies rows onto themselves (with new ids) until the write-ahead log holds {@code bytes}; answers the rows. */
    private static long growWriteAheadLog(Path database, long bytes) throws Exception {
        Path wal = Path.of(database + ".wal");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("SET checkpoint_threshold = '1TB'");
            statement.execute("PRAGMA disable_checkpoint_on_shutdown");
            while (!Files.exists(wal) || Files.size(wal) < bytes) {
                statement.execute("INSERT INTO " + LoadedData.DATASET + " SELECT * REPLACE (uuid() AS id) FROM "
                        + LoadedData.DATASET + " LIMIT 20000");
            }
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + LoadedData.DATASET)) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static long timeOpen(Path database) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database)) {
            long opened = (System.nanoTime() - started) / 1_000_000;
            connection.createStatement().execute("PRAGMA disable_checkpoint_on_shutdown");
            return opened;
        }
    }
}
