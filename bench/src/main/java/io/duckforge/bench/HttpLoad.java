package io.duckforge.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A closed-loop HTTP load: {@code concurrency} virtual users, each on its own keep-alive connection and thread,
 * sending its next request when the previous answer has been read.
 */
final class HttpLoad {

    /** One pre-encoded request and the status that counts as success. */
    record Call(String operation, byte[] request, int expectedStatus) {
    }

    private HttpLoad() {
    }

    static LoadRun run(int port, int concurrency, LoadRun run, Function<SplittableRandom, Call> nextCall) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> users = new ArrayList<>();
            for (int user = 0; user < concurrency; user++) {
                SplittableRandom random = new SplittableRandom(7919L * (user + 1));
                users.add(threads.submit(() -> {
                    user(port, run, nextCall, random);
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

    private static void user(int port, LoadRun run, Function<SplittableRandom, Call> nextCall, SplittableRandom random)
            throws IOException {
        KeepAliveConnection connection = new KeepAliveConnection(port);
        try {
            while (run.running()) {
                Call call = nextCall.apply(random);
                long start = System.nanoTime();
                try {
                    run.completed(call.operation(), start, connection.exchange(call.request()) == call.expectedStatus());
                } catch (IOException e) {
                    run.completed(call.operation(), start, false);
                    connection.close();
                    connection = new KeepAliveConnection(port);
                }
            }
        } finally {
            connection.close();
        }
    }
}
