package io.duckforge.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each store operation is measured twice over: a {@code duckforge.store.operation} timer per operation and dataset
 * (a histogram, docs/operations.md "Monitor"), and a client span named after the operation and dataset, a child of
 * the request's span, so that a trace shows how much of a request DuckDB took. Without an exporter endpoint the
 * tracer is OpenTelemetry's no-op one (decision 0018).
 */
@ApplicationScoped
public class StoreOperations {

    public static final AttributeKey<String> DATASET = AttributeKey.stringKey("duckforge.dataset");
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");

    private final MeterRegistry registry;
    private final Tracer tracer;

    public StoreOperations(MeterRegistry registry, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
    }

    /** Starts measuring; the caller ends it exactly once, on whichever thread the operation ends. */
    Measured start(String operation, String dataset) {
        var span = tracer.spanBuilder(dataset.isEmpty() ? operation : operation + " " + dataset)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(SYSTEM, "duckdb")
                .setAttribute(OPERATION, operation);
        if (!dataset.isEmpty()) {
            span.setAttribute(DATASET, dataset);
        }
        return new Measured(Timer.start(registry), timer(operation, dataset), span.startSpan());
    }

    private Timer timer(String operation, String dataset) {
        return Timer.builder("duckforge.store.operation")
                .description("Time spent in one store operation")
                .tag("operation", operation)
                .tag("schema", dataset)
                .register(registry);
    }

    /** One operation being measured. */
    static final class Measured implements AutoCloseable {

        private final Timer.Sample sample;
        private final Timer timer;
        private final Span span;

        private Measured(Timer.Sample sample, Timer timer, Span span) {
            this.sample = sample;
            this.timer = timer;
            this.span = span;
        }

        void failed(Throwable error) {
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }

        @Override
        public void close() {
            sample.stop(timer);
            span.end();
        }
    }
}
