package io.duckforge.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbMemoryLimitTest {

    @Test
    void halfOfAFourGibibyteContainerIsTwoGibibytes() {
        assertThat(DuckDbMemoryLimit.fractionOf(4L << 30, 0.5)).isEqualTo("2048MiB");
    }

    @Test
    void aFractionIsRoundedDownToWholeMebibytes() {
        assertThat(DuckDbMemoryLimit.fractionOf(1000L << 20, 0.333)).isEqualTo("333MiB");
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> DuckDbMemoryLimit.fractionOf(1L << 30, 1.2)).hasMessageContaining("between 0 and 1");
    }
}
