package io.duckforge.store;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The share's part in a shutdown: the final checkpoint runs only once streams and bulk bodies have let go. */
class ClientPacedConnectionsTest {

    private final ClientPacedConnections share = new ClientPacedConnections(2, Duration.ofMinutes(1), new SimpleMeterRegistry());

    @Test
    void aDrainCountsTheWorkStillRunningWhenItsWaitEnds() throws Exception {
        share.acquire();

        assertThat(share.drain(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void aDrainEndsWhenTheLastRunningStreamReleasesItsConnection() throws Exception {
        ClientPacedConnections.Permit stream = share.acquire();
        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(() -> {
            try {
                return share.drain(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        stream.close();

        assertThat(drain.get(1, TimeUnit.MINUTES)).isZero();
    }

    @Test
    void onceDrainingNewStreamsAndBulkBodiesAreRefusedAtOnce() throws Exception {
        share.drain(Duration.ZERO);

        assertThatThrownBy(share::acquire).isInstanceOf(OverloadedException.class).hasMessageContaining("shutting down");
    }
}
