package io.duckforge.access;

import io.duckforge.DuckForgeConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which credentials the service takes, from {@code duckforge.auth.mode}. */
record AuthMode(boolean jwt, boolean apiKeys) {

    static final String HOW_TO_CHOOSE = "set duckforge.auth.mode (DUCKFORGE_AUTH_MODE) to jwt, api-keys or "
            + "'jwt,api-keys', or to none to serve every caller everything without authentication";

    /** @throws IllegalStateException with one line saying what to set, when the mode is missing or unknown */
    static AuthMode of(DuckForgeConfig.Auth auth) {
        String text = auth.mode().orElseThrow(() -> new IllegalStateException("No authentication mode is configured: " + HOW_TO_CHOOSE));
        Set<String> words = Arrays.stream(text.split(",")).map(String::trim).map(String::toLowerCase).collect(Collectors.toSet());
        if (words.equals(Set.of("none"))) {
            return new AuthMode(false, false);
        }
        if (words.isEmpty() || !List.of("jwt", "api-keys").containsAll(words)) {
            throw new IllegalStateException("Unknown authentication mode '" + text + "': " + HOW_TO_CHOOSE);
        }
        return new AuthMode(words.contains("jwt"), words.contains("api-keys"));
    }

    boolean none() {
        return !jwt && !apiKeys;
    }
}
