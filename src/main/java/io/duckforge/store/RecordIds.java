package io.duckforge.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * Record ids: UUID version 7 (RFC 9562), a millisecond timestamp and random bits that JUG's generator draws once per
 * millisecond and then counts up (RFC 9562, "monotonic random"), so ids made later in this process sort after earlier
 * ones, also within one millisecond: the rows of one bulk body share a {@code created_at} and come back in the body's
 * order. Time-ordered keys also land next to each other in the primary-key index and in DuckDB's row groups. Ids are
 * unique, not secret: nothing relies on them being unguessable.
 */
final class RecordIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private RecordIds() {
    }

    static UUID next() {
        return GENERATOR.generate();
    }
}
