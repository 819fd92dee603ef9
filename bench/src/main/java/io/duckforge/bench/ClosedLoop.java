package io.duckforge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs {@code concurrency} virtual users, each on its own thread with its own seeded random, until all return. */
final class ClosedLoop {

    /** One virtual user's loop; it runs until the load run says stop. */
    @FunctionalInterface
    interface User {
        void run(SplittableRandom random) throws Exception;
    }

    private ClosedLoop() {
    }

    static void run(int concurrency, User user) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> users = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                SplittableRandom random = new SplittableRandom(7919L * (i + 1));
                users.add(threads.submit(() -> {
                    user.run(random);
                    return null;
                }));
            }
            for (Future<?> running : users) {
                running.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
