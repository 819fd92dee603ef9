package io.duckforge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own, made and started by the harness from Debian's packages
 * ({@code apt-get install postgresql}; {@code PG_BIN} names another bin directory) in a scratch directory, on a free
 * port, stopped at the end. As root it runs as the {@code postgres} user the package creates, since PostgreSQL refuses
 * to run as root. Tuned as a PostgreSQL user serving analytics would: a shared buffer pool holding the table, more
 * work memory for sorts and hashes, parallel workers for both cores.
 */
final class PostgresServer implements AutoCloseable {

    private static final List<String> SETTINGS = List.of("shared_buffers=4GB", "work_mem=256MB",
            "effective_cache_size=12GB", "max_parallel_workers_per_gather=2", "random_page_cost=1.1", "fsync=off",
            "synchronous_commit=off", "full_page_writes=off", "max_wal_size=8GB", "checkpoint_timeout=30min");

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final String version;

    private PostgresServer(Path bin, Path dataDir, int port, String version) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.version = version;
    }

    /** In a temporary directory of its own: the harness's scratch directory is closed to other users. */
    static PostgresServer start() throws Exception {
        Path bin = binDirectory();
        Path dataDir = Files.createTempDirectory("duckforge-bench-postgres");
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dataDir.toString()));
        }
        run(asOwner(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "bench", "--auth=trust",
                "-E", "UTF8", "--locale=C")));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder options = new StringBuilder("-p " + port + " -k " + dataDir + " -c listen_addresses=localhost");
        SETTINGS.forEach(setting -> options.append(" -c ").append(setting));
        run(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-o", options.toString(),
                "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "300", "start")));
        PostgresServer server = new PostgresServer(bin, dataDir, port, "");
        try (Connection connection = server.connect(); var statement = connection.createStatement();
             var row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return new PostgresServer(bin, dataDir, port, row.getString(1));
        }
    }

    Connection connect() throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=bench");
        try (var statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
        return connection;
    }

    String version() {
        return version;
    }

    static String settings() {
        return String.join(", ", SETTINGS);
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin}, unless {@code PG_BIN} says otherwise. */
    private static Path binDirectory() throws IOException {
        String configured = System.getenv("PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No PostgreSQL server: apt-get install postgresql (or set PG_BIN)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.max(Comparator.comparingInt(path -> Integer.parseInt(path.getFileName().toString().replaceAll("\\D", ""))))
                    .map(path -> path.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server under " + root));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asOwner(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(command);
        return asPostgres;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + output);
        }
    }

    @Override
    public void close() throws Exception {
        run(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop")));
        run(List.of("rm", "-rf", dataDir.toString()));
    }
}
