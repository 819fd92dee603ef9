package io.duckforge.access;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Tokens and API keys of the test roles, good and forged. */
final class Credentials {

    /** The roles, with the grants both their API key and their tokens carry. */
    enum Role {
        READER("datasets:read:guarded"),
        WRITER("datasets:write:guarded"),
        MANAGER("schemas:manage:* datasets:read:guarded"),
        OUTSIDER("datasets:write:other"),
        ADMIN("admin");

        final String grants;

        Role(String grants) {
            this.grants = grants;
        }

        String apiKey() {
            return "key-of-" + name().toLowerCase() + "-0123456789";
        }
    }

    private Credentials() {
    }

    /** The key file: digests only, as an operator would write it. */
    static String keyFile() {
        StringBuilder file = new StringBuilder("# test keys\n");
        for (Role role : Role.values()) {
            file.append(line(role.apiKey(), role.name().toLowerCase(), role.grants)).append('\n');
        }
        return file.toString();
    }

    static String line(String key, String name, String grants) {
        return HexFormat.of().formatHex(ApiKeyFile.sha256(key)) + " " + name + " " + grants;
    }

    static String rsaToken(Role role) {
        return claims(role).jws().keyId("test-rsa").sign(privateKey("access/rsa-private.pem", "RSA"));
    }

    static String ecToken(Role role) {
        return claims(role).jws().keyId("test-ec").algorithm(SignatureAlgorithm.ES256).sign(privateKey("access/ec-private.pem", "EC"));
    }

    static String expiredToken(Role role) {
        return claims(role).issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("test-rsa").sign(privateKey("access/rsa-private.pem", "RSA"));
    }

    static String notYetValidToken(Role role) {
        return claims(role).claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .jws().keyId("test-rsa").sign(privateKey("access/rsa-private.pem", "RSA"));
    }

    /** Signed with a key pair the service has never seen, claiming the test key's id. */
    static String forgedToken(Role role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(role).jws().keyId("test-rsa").sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String wrongIssuerToken(Role role) {
        return claims(role).issuer("https://someone-else.test").jws().keyId("test-rsa").sign(privateKey("access/rsa-private.pem", "RSA"));
    }

    static String wrongAudienceToken(Role role) {
        return claims(role).audience("another-service").jws().keyId("test-rsa").sign(privateKey("access/rsa-private.pem", "RSA"));
    }

    /** The classic confusion: HS256 with the service's public key as the shared secret. */
    static String publicKeyAsHmacSecretToken(Role role) {
        byte[] secret = resource("access/rsa-public.pem").getBytes(StandardCharsets.UTF_8);
        return claims(role).jws().keyId("test-rsa").algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(secret, "HmacSHA256"));
    }

    static String unsignedToken(Role role) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"" + AccessProfile.ISSUER + "\",\"aud\":\"" + AccessProfile.AUDIENCE
                + "\",\"sub\":\"mallory\",\"scope\":\"admin\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static JwtClaimsBuilder claims(Role role) {
        return Jwt.issuer(AccessProfile.ISSUER).audience(AccessProfile.AUDIENCE).subject(role.name().toLowerCase() + "@example.test")
                .claim("scope", role.grants).expiresAt(Instant.now().plusSeconds(600));
    }

    private static PrivateKey privateKey(String resource, String algorithm) {
        String pem = resource(resource).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Credentials.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
