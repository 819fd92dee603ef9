package io.duckforge.observability;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingNeedsAnEndpointTest {

    @Test
    void withoutAnEndpointTheSdkIsDisabledWhateverQuarkusDefaultsTo() {
        assertThat(sdkDisabled(Map.of())).isTrue();
    }

    @Test
    void anEndpointEnablesTheSdk() {
        assertThat(sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"))).isFalse();
    }

    @Test
    void aTracesEndpointEnablesTheSdk() {
        assertThat(sdkDisabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4317"))).isFalse();
    }

    @Test
    void anExplicitSettingWinsOverTheEndpoint() {
        assertThat(sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317",
                "quarkus.otel.sdk.disabled", "true"))).isTrue();
    }

    private static boolean sdkDisabled(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withDefaultValue("quarkus.otel.sdk.disabled", "false")
                .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317")
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withInterceptors(new TracingNeedsAnEndpoint())
                .build();
        return config.getValue("quarkus.otel.sdk.disabled", Boolean.class);
    }
}
