package io.duckforge.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The ceiling's closed loop: {@code concurrency} threads, each with its own DuckDB connection, in this process. */
final class JdbcLoad {

    /** One operation on a connection; answers the operation's name. */
    @FunctionalInterface
    interface Task {
        String run(Connection connection, SplittableRandom random) throws SQLException;
    }

    private JdbcLoad() {
    }

    static LoadRun run(RawDuckDb database, int concurrency, LoadRun run, Task task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> users = new ArrayList<>();
            for (int user = 0; user < concurrency; user++) {
                SplittableRandom random = new SplittableRandom(7919L * (user + 1));
                users.add(threads.submit(() -> {
                    try (Connection connection = database.newConnection()) {
                        while (run.running()) {
                            long start = System.nanoTime();
                            String operation;
                            try {
                                operation = task.run(connection, random);
                            } catch (SQLException e) {
                                run.completed("error", start, false);
                                continue;
                            }
                            run.completed(operation, start, true);
                        }
                        Ceiling.forget(connection);
                    }
                    return null;
                }));
            }
            for (Future<?> user : users) {
                user.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return run;
    }
}
