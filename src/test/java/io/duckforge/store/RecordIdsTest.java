package io.duckforge.store;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecordIdsTest {

    @Test
    void idsAreVersion7WithTheRfcVariant() {
        UUID id = RecordIds.next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsCarryTheCreationMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = RecordIds.next();
        long after = System.currentTimeMillis();
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void aMillionIdsAreDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            ids.add(RecordIds.next());
        }
        assertThat(ids).hasSize(1_000_000);
    }
}
