package io.duckforge.store;

import java.util.Optional;

/** A stored idempotency key: answered (with the first answer) or still in progress. */
public record IdempotencyKey(String key, Optional<IdempotentAnswer> answer) {

    public boolean inProgress() {
        return answer.isEmpty();
    }
}
