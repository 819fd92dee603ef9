package io.duckforge.store;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Record ids: UUID version 7 (RFC 9562), a millisecond timestamp followed by random bits. Time-ordered keys land next
 * to each other in the primary-key index and in DuckDB's row groups, and {@code UUID.randomUUID()} drew from a
 * shared SecureRandom on every bulk row. Ids are unique, not secret: nothing relies on them being unguessable.
 */
final class RecordIds {

    private RecordIds() {
    }

    static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
