package io.duckforge.observability;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Spans kept in memory for {@link TracingTest}; only in its profile, so other tests keep no spans. */
public class InMemorySpans {

    @Produces
    @Singleton
    @IfBuildProperty(name = "tracing-test.spans-in-memory", stringValue = "true")
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
