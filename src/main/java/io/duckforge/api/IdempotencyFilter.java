package io.duckforge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.DuckForgeConfig;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.DatasetStore;
import io.duckforge.store.IdempotencyKey;
import io.duckforge.store.IdempotentAnswer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Safe retries for POST, PUT, PATCH and DELETE carrying an {@code Idempotency-Key} header. The first request with a
 * key reserves it in memory ({@link KeysInFlight}), runs, and its answer is stored with a fingerprint of the request
 * (method, path, query, a SHA-256 of the body taken as the body is read); a retry with the same key and the same
 * request gets that answer again ({@code Idempotent-Replayed: true}) without running, the same key with another
 * request 422, and a key whose first request is still running 409. Server errors (5xx) store nothing, so a retry runs
 * again. Answers live in the database for {@code duckforge.idempotency.retention}, across restarts.
 */
public class IdempotencyFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String KEY_PROPERTY = "duckforge.idempotency.key";
    private static final String DIGEST_PROPERTY = "duckforge.idempotency.digest";
    static final int MAX_KEY_LENGTH = 255;

    private final DatasetStore store;
    private final KeysInFlight inFlight;
    private final ObjectMapper mapper;
    private final Duration retention;

    public IdempotencyFilter(DatasetStore store, KeysInFlight inFlight, ObjectMapper mapper, DuckForgeConfig config) {
        this.store = store;
        this.inFlight = inFlight;
        this.mapper = mapper;
        this.retention = config.idempotency().retention();
    }

    @ServerRequestFilter
    public Optional<Response> beforeRequest(ContainerRequestContext request, RoutingContext exchange) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !METHODS.contains(request.getMethod())) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ValidationException(FieldError.of(HEADER, "a key of 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        MessageDigest digest = sha256(request);
        // Reserved first, looked up second: a first request stores its answer before it lets go of the key, so a
        // retry that gets the key finds that answer.
        if (!inFlight.reserve(key)) {
            return Optional.of(inProgress(request));
        }
        Optional<IdempotencyKey> stored;
        try {
            stored = store.findIdempotencyKey(key, expiredBefore());
        } catch (RuntimeException e) {
            inFlight.release(key);
            throw e;
        }
        if (stored.isPresent()) {
            inFlight.release(key);
            return Optional.of(replay(stored.get(), request, digest));
        }
        exchange.addEndHandler(ended -> inFlight.release(key));
        request.setProperty(KEY_PROPERTY, key);
        request.setProperty(DIGEST_PROPERTY, digest);
        request.setEntityStream(new DigestInputStream(request.getEntityStream(), digest));
        return Optional.empty();
    }

    @ServerResponseFilter
    public void afterResponse(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(KEY_PROPERTY) instanceof String key)) {
            return;
        }
        // Let go of the key before the answer leaves: a client that retries the moment it has the answer must find
        // the stored answer, not a key still in flight (409).
        try {
            if (response.getStatus() < 500) {
                store(key, request, response);
            }
        } finally {
            inFlight.release(key);
        }
    }

    private void store(String key, ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        drainRest(request);
        MessageDigest digest = (MessageDigest) request.getProperty(DIGEST_PROPERTY);
        Object entity = response.getEntity();
        byte[] body = entity == null ? null : entity instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(entity);
        store.answerIdempotencyKey(key, new IdempotentAnswer(fingerprint(request, digest), response.getStatus(),
                response.getMediaType() == null ? null : response.getMediaType().toString(),
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG), body));
    }

    private Response replay(IdempotencyKey stored, ContainerRequestContext request, MessageDigest digest) throws IOException {
        if (stored.inProgress()) {
            return inProgress(request);
        }
        new DigestInputStream(request.getEntityStream(), digest).transferTo(OutputStream.nullOutputStream());
        IdempotentAnswer answer = stored.answer().orElseThrow();
        if (!answer.fingerprint().equals(fingerprint(request, digest))) {
            return ProblemMapper.problem(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was first used for a different request; use a new key for a new request",
                    request.getUriInfo(), null);
        }
        Response.ResponseBuilder replayed = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        if (answer.body() != null) {
            replayed.entity(answer.body()).type(answer.contentType());
        }
        if (answer.location() != null) {
            replayed.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            replayed.header(HttpHeaders.ETAG, answer.etag());
        }
        return replayed.build();
    }

    /** Whatever the method left unread still belongs to the request's fingerprint. */
    private static void drainRest(ContainerRequestContext request) {
        try {
            request.getEntityStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException closed) {
            // The method read the body to its end and closed it: the digest has all of it.
        }
    }

    private static Response inProgress(ContainerRequestContext request) {
        return Response.fromResponse(ProblemMapper.problem(409, "idempotency-key-in-progress", "Request in progress",
                        "A request with this Idempotency-Key is still running; retry once it has answered",
                        request.getUriInfo(), null))
                .header("Retry-After", "1").build();
    }

    /** The body was read through the digest (by the method, or drained here); digesting ends it. */
    private static String fingerprint(ContainerRequestContext request, MessageDigest digest) {
        return request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                + "?" + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).orElse("")
                + " " + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256(ContainerRequestContext request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(request.getMediaType()).getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private OffsetDateTime expiredBefore() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
    }
}
