package io.duckforge.observability;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;

import java.util.List;

/**
 * Tracing is off unless an OTLP endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}): without one,
 * {@code quarkus.otel.sdk.disabled} defaults to true, so no exporter retries against a collector that is not there
 * and spans cost nothing. An explicit {@code quarkus.otel.sdk.disabled} always wins. Quarkus' own default is the
 * opposite (on, exporting to localhost:4317), which suits a sidecar collector but not a service most run without
 * one (decision 0018).
 */
@Priority(100)
public class TracingNeedsAnEndpoint implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final List<String> ENDPOINTS = List.of(
            "quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!name.equals(SDK_DISABLED) || isSet(value)) {
            return value;
        }
        boolean endpoint = ENDPOINTS.stream().anyMatch(key -> isSet(context.proceed(key)));
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(!endpoint))
                .withConfigSourceName(getClass().getSimpleName()).build();
    }

    /** Set by someone, not only Quarkus' default value. */
    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
    }
}
