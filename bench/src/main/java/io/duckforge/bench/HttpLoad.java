package io.duckforge.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A closed-loop HTTP load: {@code concurrency} virtual users, each sending its next request when the previous answer
 * arrived, through the JDK's non-blocking client, so a few threads drive 64 or more users.
 */
final class HttpLoad {

    /** One request and the status that counts as success. */
    record Call(String operation, HttpRequest request, int expectedStatus) {
    }

    private HttpLoad() {
    }

    static LoadRun run(HttpClient client, int concurrency, LoadRun run, Function<SplittableRandom, Call> nextCall)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int user = 0; user < concurrency; user++) {
            SplittableRandom random = new SplittableRandom(7919L * (user + 1));
            sendNext(client, run, nextCall, random, done);
        }
        done.await();
        return run;
    }

    private static void sendNext(HttpClient client, LoadRun run, Function<SplittableRandom, Call> nextCall,
                                 SplittableRandom random, CountDownLatch done) {
        if (!run.running()) {
            done.countDown();
            return;
        }
        Call call = nextCall.apply(random);
        long start = System.nanoTime();
        client.sendAsync(call.request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            run.completed(call.operation(), start, failure == null && response.statusCode() == call.expectedStatus());
            sendNext(client, run, nextCall, random, done);
        });
    }
}
