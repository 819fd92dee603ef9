package io.duckforge.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A closed-loop HTTP load: {@code concurrency} virtual users, each on its own keep-alive connection and thread,
 * sending its next request when the previous answer has been read.
 */
final class HttpLoad {

    /**
     * One pre-encoded request and the status that counts as success.
     *
     * @param port where to send it when not the run's port (probes go to the management interface); 0 for the run's
     */
    record Call(String operation, byte[] request, int expectedStatus, int port) {
        Call(String operation, byte[] request, int expectedStatus) {
            this(operation, request, expectedStatus, 0);
        }
    }

    private HttpLoad() {
    }

    static LoadRun run(int port, int concurrency, LoadRun run, Function<SplittableRandom, Call> nextCall) throws Exception {
        ClosedLoop.run(concurrency, random -> user(port, run, nextCall, random));
        return run;
    }

    private static void user(int port, LoadRun run, Function<SplittableRandom, Call> nextCall, SplittableRandom random)
            throws IOException {
        Map<Integer, KeepAliveConnection> connections = new HashMap<>();
        try {
            while (run.running()) {
                Call call = nextCall.apply(random);
                int target = call.port() == 0 ? port : call.port();
                long start = System.nanoTime();
                try {
                    KeepAliveConnection connection = connections.get(target);
                    if (connection == null) {
                        connection = new KeepAliveConnection(target);
                        connections.put(target, connection);
                    }
                    run.completed(call.operation(), start, connection.exchange(call.request()) == call.expectedStatus());
                } catch (IOException e) {
                    run.completed(call.operation(), start, false);
                    KeepAliveConnection broken = connections.remove(target);
                    if (broken != null) {
                        broken.close();
                    }
                }
            }
        } finally {
            for (KeepAliveConnection connection : connections.values()) {
                connection.close();
            }
        }
    }
}
