package io.duckforge.ops;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.RejectedExecutionException;

/**
 * When every worker thread is busy and the bounded queue in front of them is full ({@code quarkus.thread-pool.*}),
 * Quarkus refuses the request with a bare 503. This answers it as every other error is answered, as
 * {@code application/problem+json}, and with {@code Retry-After}, so clients back off instead of piling on.
 */
@ApplicationScoped
public class WorkerPoolOverload {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (!(context.failure() instanceof RejectedExecutionException) || context.response().headWritten()) {
                context.next();
                return;
            }
            JsonObject problem = new JsonObject()
                    .put("type", "urn:duckforge:problem:overloaded")
                    .put("title", "Service overloaded")
                    .put("status", 503)
                    .put("detail", "Every worker is busy and the queue in front of them is full; retry shortly")
                    .put("instance", context.request().path());
            context.response().setStatusCode(503)
                    .putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", "1")
                    .end(problem.encode());
        });
    }
}
