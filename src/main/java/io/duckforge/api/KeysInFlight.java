package io.duckforge.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Idempotency-Key}s whose first request is running in this process. Held in memory, not in the database:
 * a reservation then cannot outlive the process that made it (after a kill, a retry runs afresh instead of meeting a
 * 409 for a day), and a keyed request commits once, with its answer, instead of three times. One process owns the
 * database (docs/decisions/0014-statefulset-one-writer.md), so memory sees every request that could race.
 */
@ApplicationScoped
public class KeysInFlight {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    /** @return false when a request with this key is running */
    boolean reserve(String key) {
        return keys.add(key);
    }

    /** Idempotent: called when the answer is stored and again when the response ends, however it ends. */
    void release(String key) {
        keys.remove(key);
    }
}
