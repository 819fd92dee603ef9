package io.duckforge.api;

import io.duckforge.DuckForgeConfig;
import io.duckforge.query.PageCursor;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** The one {@link PageCursor} of the service, signing with {@code duckforge.cursors.secret} or a key of its own. */
@ApplicationScoped
public class PageCursors {

    private static final int MIN_SECRET = 32;

    // At startup, so that a secret too short stops the service before it serves, not at the first page.
    @Produces
    @Singleton
    @Startup
    PageCursor pageCursor(DuckForgeConfig config) {
        return config.cursors().secret().map(secret -> {
            if (secret.length() < MIN_SECRET) {
                throw new IllegalStateException("duckforge.cursors.secret needs at least " + MIN_SECRET + " characters");
            }
            return new PageCursor(secret.getBytes(StandardCharsets.UTF_8));
        }).orElseGet(() -> {
            Log.info("No duckforge.cursors.secret: page cursors are signed with a key made at start and end with the process");
            byte[] key = new byte[MIN_SECRET];
            new SecureRandom().nextBytes(key);
            return new PageCursor(key);
        });
    }
}
