package io.duckforge.bench;

import java.io.IOException;
import java.util.SplittableRandom;
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
        ClosedLoop.run(concurrency, random -> user(port, run, nextCall, random));
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
