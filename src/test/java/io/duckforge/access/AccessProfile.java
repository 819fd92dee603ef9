package io.duckforge.access;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The service with JWTs (the test JWKS: one RSA and one EC key) and API keys, as a team would run it. */
public class AccessProfile implements QuarkusTestProfile {

    static final Path KEY_FILE = Path.of("target/test-auth/api-keys");
    static final String ISSUER = "https://issuer.duckforge.test";
    static final String AUDIENCE = "duckforge";

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(KEY_FILE.getParent());
            Files.writeString(KEY_FILE, Credentials.keyFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "duckforge.auth.mode", "jwt,api-keys",
                "duckforge.auth.api-keys.file", KEY_FILE.toString(),
                "mp.jwt.verify.publickey.location", "access/jwks.json",
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE,
                "duckforge.backup.dir", "target/test-auth/backups");
    }
}
