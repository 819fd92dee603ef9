package io.duckforge.access;

import io.duckforge.DuckForgeConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a request's credentials into a {@link Caller}: a JWT in {@code Authorization: Bearer}, verified by SmallRye
 * JWT with the standard {@code mp.jwt.verify.*} settings, or an API key in {@code X-API-Key} or
 * {@code Authorization: Bearer}. A bearer value shaped like a JWT (three dot-separated base64url parts) is taken for
 * one; anything else for an API key.
 */
@ApplicationScoped
public class Authenticator {

    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    private final DuckForgeConfig.Auth settings;
    private final Instance<JWTParser> jwtParser;
    private final Config config;
    private AuthMode mode;
    private ApiKeyFile apiKeys;

    public Authenticator(DuckForgeConfig config, Instance<JWTParser> jwtParser, Config mpConfig) {
        this.settings = config.auth();
        this.jwtParser = jwtParser;
        this.config = mpConfig;
    }

    /** Before anything else starts: a service that does not know whom to let in does not start. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        try {
            mode = AuthMode.of(settings);
            if (mode.jwt()) {
                for (String required : List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences")) {
                    if (config.getOptionalValue(required, String.class).isEmpty()) {
                        throw new IllegalStateException("duckforge.auth.mode includes jwt, so " + required + " must be set");
                    }
                }
            }
            if (mode.apiKeys()) {
                apiKeys = new ApiKeyFile(Path.of(settings.apiKeys().file().orElseThrow(() -> new IllegalStateException(
                        "duckforge.auth.mode includes api-keys, so duckforge.auth.api-keys.file (DUCKFORGE_AUTH_API_KEYS_FILE) must be set"))));
            }
        } catch (IllegalStateException e) {
            Log.errorf("Cannot start: %s", e.getMessage());
            throw e;
        }
        if (mode.none()) {
            Log.warn("duckforge.auth.mode is none: every caller may read, write, drop and back up every dataset");
        }
    }

    /** Whether requests need credentials at all. */
    public boolean required() {
        return !mode.none();
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param apiKey        the {@code X-API-Key} header, or null
     * @throws AuthenticationFailedException when nothing usable was presented or it does not verify
     */
    public Caller authenticate(String authorization, String apiKey) {
        if (mode.none()) {
            return Caller.UNAUTHENTICATED;
        }
        if (apiKey != null && mode.apiKeys()) {
            return byApiKey(apiKey);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthenticationFailedException("Send credentials: Authorization: Bearer <token or key>"
                    + (mode.apiKeys() ? " or X-API-Key: <key>" : ""), false);
        }
        String credential = authorization.substring(7).trim();
        if (mode.jwt() && JWT_SHAPE.matcher(credential).matches()) {
            return byJwt(credential);
        }
        if (mode.apiKeys()) {
            return byApiKey(credential);
        }
        throw new AuthenticationFailedException("The bearer token is not a valid JWT", true);
    }

    private Caller byApiKey(String key) {
        return apiKeys.find(key).orElseThrow(() -> new AuthenticationFailedException("The API key is not valid", true));
    }

    private Caller byJwt(String token) {
        JsonWebToken jwt;
        try {
            jwt = jwtParser.get().parse(token);
        } catch (ParseException e) {
            // Expired, not yet valid, wrong issuer or audience, a bad signature, an algorithm other than RS256/ES256.
            throw new AuthenticationFailedException("The bearer token is not valid", true);
        }
        return Caller.of(Optional.ofNullable(jwt.getSubject()).orElse(jwt.getName()), grants(jwt.getClaim(settings.grantsClaim())));
    }

    private static Collection<String> grants(Object claim) {
        if (claim instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        if (claim instanceof jakarta.json.JsonString text) {
            return Arrays.asList(text.getString().trim().split("\\s+"));
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(value -> value instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(value)).toList();
        }
        return List.of();
    }
}
