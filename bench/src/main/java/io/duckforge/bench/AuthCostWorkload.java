package io.duckforge.bench;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code auth-cost}: what verifying a JWT on every request costs. Two instances start from copies of one database
 * (the same rows, the same ids): one with {@code DUCKFORGE_AUTH_MODE=none}, one with {@code jwt} and an RS256 key the
 * workload makes; the same point reads and filtered pages go to both, the JWT instance with a bearer token on every
 * request. The "ceiling" of each figure is the instance without authentication. Its own report: {@code auth-cost.md}.
 */
final class AuthCostWorkload implements Workload {

    private static final int ROWS = 200_000;
    private static final int CHUNK = 50_000;
    private static final String ISSUER = "https://issuer.bench.test";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Override
    public String name() {
        return "auth-cost";
    }

    @Override
    public boolean ownReport() {
        return true;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        Path seed = seedDatabase(context);
        for (String instance : List.of("auth-none", "auth-jwt")) {
            Path directory = Files.createDirectories(context.scratch().resolve(instance));
            Files.copy(seed, directory.resolve("bench.duckdb"), StandardCopyOption.REPLACE_EXISTING);
        }
        KeyPair keys = rsaKeyPair();
        Path publicKey = context.scratch().resolve("auth-jwt").resolve("public-key.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        String bearer = "Authorization: Bearer " + token(keys.getPrivate()) + "\r\n";
        List<Measurement> results = new ArrayList<>();
        try (ServiceUnderTest open = context.startService("auth-none", Map.of());
             ServiceUnderTest verifying = context.startService("auth-jwt", Map.of("DUCKFORGE_AUTH_MODE", "jwt",
                     "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + publicKey.toAbsolutePath(),
                     "MP_JWT_VERIFY_ISSUER", ISSUER, "MP_JWT_VERIFY_AUDIENCES", "duckforge"))) {
            List<String> reads = ids(open).stream().map(id -> "/api/v1/records/" + LoadedData.DATASET + "/" + id).toList();
            List<String> pages = PageQuery.pages().stream().map(PageQuery::pagePath).toList();
            for (int concurrency : context.settings().concurrencies()) {
                results.add(compare(context, "point read", reads, concurrency, open, verifying, bearer));
                results.add(compare(context, "filtered page", pages, concurrency, open, verifying, bearer));
            }
        }
        Files.writeString(context.outputDirectory().resolve("auth-cost.md"), report(results, context));
        return results;
    }

    private Measurement compare(BenchContext context, String operation, List<String> paths, int concurrency,
                                ServiceUnderTest open, ServiceUnderTest verifying, String bearer) throws Exception {
        List<HttpLoad.Call> plain = paths.stream().map(path -> new HttpLoad.Call(operation, KeepAliveConnection.get(open.port(), path), 200)).toList();
        List<HttpLoad.Call> signed = paths.stream()
                .map(path -> new HttpLoad.Call(operation, KeepAliveConnection.get(verifying.port(), path, bearer), 200)).toList();
        LoadRun without = HttpLoad.run(open.port(), concurrency, context.settings().newRun(), random -> plain.get(random.nextInt(plain.size())));
        LoadRun with = HttpLoad.run(verifying.port(), concurrency, context.settings().newRun(), random -> signed.get(random.nextInt(signed.size())));
        return context.measurement(name(), operation + ", concurrency " + concurrency, concurrency, "req/s",
                Measurement.Side.of(with.results().get(operation)), Measurement.Side.of(without.results().get(operation)),
                with.clientCpuCores());
    }

    private static String report(List<Measurement> results, BenchContext context) {
        StringBuilder report = new StringBuilder("""
                # The cost of JWT verification

                The same requests to two instances started from copies of one database: without authentication, and
                with `DUCKFORGE_AUTH_MODE=jwt`, every request carrying an RS256 bearer token that the service verifies
                (signature, issuer, audience, expiry) before anything else. Run:
                `./mvnw -B -f bench/pom.xml compile exec:java -Dexec.args="--workloads auth-cost"` (after
                `./mvnw -B package -DskipTests`). %,d rows; %d s warm-up and %d s measured per case.

                | case | without auth req/s (p50 / p99 ms) | with JWT req/s (p50 / p99 ms) | with / without |
                |---|---|---|---|
                """.formatted(ROWS, context.settings().warmupSeconds(), context.settings().measureSeconds()));
        for (Measurement m : results) {
            report.append("| ").append(m.caseName()).append(" | ")
                    .append(side(m.ceiling())).append(" | ").append(side(m.service())).append(" | ")
                    .append("%.2f".formatted(m.ratio())).append(" |\n");
        }
        return report.toString();
    }

    private static String side(Measurement.Side side) {
        return "%,.0f (%.2f / %.2f)".formatted(side.throughput(), side.p50(), side.p99());
    }

    /** A database with the rows, checkpointed by a clean stop. */
    private static Path seedDatabase(BenchContext context) throws Exception {
        List<WellRow> rows = context.rows().subList(0, Math.min(ROWS, context.rows().size()));
        try (ServiceUnderTest seeding = context.startService("auth-seed", Map.of())) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                byte[] body = IngestJsonWorkload.jsonArray(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
                seeding.send(HttpRequest.newBuilder(seeding.uri("/api/v1/records/" + LoadedData.DATASET + "/bulk"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            }
        }
        return context.scratch().resolve("auth-seed").resolve("bench.duckdb");
    }

    private static List<UUID> ids(ServiceUnderTest service) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            Matcher matcher = ID.matcher(service.send(HttpRequest.newBuilder(service.uri("/api/v1/records/"
                    + LoadedData.DATASET + "?size=1000&fields=well_code&page=" + page)).build()).body());
            while (matcher.find()) {
                ids.add(UUID.fromString(matcher.group(1)));
            }
        }
        return ids;
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** An RS256 JWT with the admin grant, valid for a day: the JOSE compact form, signed with the JDK's RSA. */
    private static String token(PrivateKey key) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"duckforge\",\"sub\":\"bench\","
                + "\"scope\":\"admin\",\"iat\":" + now + ",\"exp\":" + (now + 86_400) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + base64.encodeToString(signer.sign());
    }
}
