package io.duckforge.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;

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
        ClosedLoop.run(concurrency, random -> {
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
        });
        return run;
    }
}
