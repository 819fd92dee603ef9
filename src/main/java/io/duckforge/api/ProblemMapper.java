package io.duckforge.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.SchemaConflictException;
import io.duckforge.schema.UnknownSchemaException;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.DatasetBusyException;
import io.duckforge.store.MigrationRefusedException;
import io.duckforge.store.OverloadedException;
import io.duckforge.access.AccessDeniedException;
import io.duckforge.access.AuthenticationFailedException;
import io.duckforge.store.DatabaseFailedException;
import io.duckforge.store.ResourceExhaustedException;
import io.duckforge.store.RowLimitExceededException;
import io.duckforge.store.UniqueViolationException;
import io.duckforge.store.VersionMismatchException;
import io.duckforge.store.WriteConflictException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Turns every failure into an {@code application/problem+json} answer. Client mistakes get their own status and a
 * detail that names the field; anything else is a 500 whose detail hides internals (they go to the log).
 */
public class ProblemMapper {

    private static final String TYPE_PREFIX = "urn:duckforge:problem:";

    private final AllowedMethods allowedMethods;

    public ProblemMapper(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return problem(400, "validation", "Invalid request", e.getMessage(), uri, e.errors());
    }

    /**
     * A syntax error's message says what was found where; a mapping error's names Java types, so it is replaced by
     * where it happened.
     */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = e instanceof JsonParseException
                ? "The body is not valid JSON: " + e.getOriginalMessage()
                : "The body is not one JSON value of the expected shape";
        JsonLocation where = e.getLocation();
        if (where != null && where.getLineNr() > 0) {
            detail += " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        }
        return problem(400, "malformed-json", "Malformed JSON", detail, uri, null);
    }

    /** More specific than the framework's own mapper for it, which answers a bare 400. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownSchema(UnknownSchemaException e, UriInfo uri) {
        return problem(404, "unknown-schema", "Unknown dataset", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response recordNotFound(RecordNotFoundException e, UriInfo uri) {
        return problem(404, "record-not-found", "Record not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response schemaConflict(SchemaConflictException e, UriInfo uri) {
        return problem(409, "schema-exists", "Dataset already exists", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response uniqueViolation(UniqueViolationException e, UriInfo uri) {
        return problem(409, "unique-violation", "Unique constraint violated",
                e.getMessage() + "; nothing was written", uri, null);
    }

    @ServerExceptionMapper
    public Response versionMismatch(VersionMismatchException e, UriInfo uri) {
        return problem(412, "precondition-failed", "Version mismatch", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response writeConflict(WriteConflictException e, UriInfo uri) {
        return problem(409, "write-conflict", "Write conflict", e.getMessage() + "; nothing was changed", uri, null);
    }

    /** Retry-After: the writes queued ahead commit within milliseconds, so one second is a patient answer. */
    @ServerExceptionMapper
    public Response overloaded(OverloadedException e, UriInfo uri) {
        return Response.fromResponse(problem(503, "overloaded", "Service overloaded", e.getMessage(), uri, null))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response resourceExhausted(ResourceExhaustedException e, UriInfo uri) {
        Log.warnf("%s on %s: %s", e.resource(), uri.getPath(), e.getCause() == null ? "" : e.getCause().getMessage());
        Response response = Response.status(e.resource().status()).type(Problem.MEDIA_TYPE)
                .entity(resourceExhausted(e, uri.getPath())).build();
        return e.resource() == ResourceExhaustedException.Resource.MEMORY
                ? Response.fromResponse(response).header("Retry-After", "5").build() : response;
    }

    /** RFC 6750: a challenge, with {@code error="invalid_token"} when what was sent did not verify. */
    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthenticated", "Authentication required", e.getMessage(), uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, e.credentialsPresented()
                        ? "Bearer realm=\"duckforge\", error=\"invalid_token\"" : "Bearer realm=\"duckforge\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(AccessDeniedException e, UriInfo uri) {
        return problem(403, "forbidden", "Missing grant", e.getMessage(),
                uri, List.of(FieldError.of("grant", e.missingGrant())));
    }

    @ServerExceptionMapper
    public Response databaseFailed(DatabaseFailedException e, UriInfo uri) {
        Log.errorf("Database failed on %s: %s", uri.getPath(), e.getCause() == null ? "" : e.getCause().getMessage());
        return problem(503, "database-failed", "Database failed", e.getMessage(), uri, null);
    }

    /**
     * The problem that ends a stream which failed after its response started, in the stream itself: what ran out when
     * that is known, else a server error.
     */
    static Problem inBand(RuntimeException e, String path) {
        if (e instanceof ResourceExhaustedException exhausted) {
            return resourceExhausted(exhausted, path);
        }
        if (e instanceof DatabaseFailedException) {
            return new Problem(TYPE_PREFIX + "database-failed", "Database failed", 503, e.getMessage(), path, null);
        }
        return new Problem(TYPE_PREFIX + "stream-failed", "Stream failed", 500,
                "The stream failed after it started; the body is incomplete", path, null);
    }

    private static Problem resourceExhausted(ResourceExhaustedException e, String path) {
        boolean memory = e.resource() == ResourceExhaustedException.Resource.MEMORY;
        return new Problem(TYPE_PREFIX + "out-of-" + e.resource().name().toLowerCase(),
                memory ? "Out of memory" : "Insufficient storage", e.resource().status(), e.getMessage(), path, null);
    }

    @ServerExceptionMapper
    public Response migrationRefused(MigrationRefusedException e, UriInfo uri) {
        Problem body = new Problem(TYPE_PREFIX + "migration-refused", "Stored records rule the change out", 409,
                e.getMessage() + "; nothing was changed", uri.getPath(), List.of(FieldError.of(e.field(), e.getMessage())),
                e.records(), e.examples());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** Retry-After: a migration is usually done within seconds, and a request that saw an old version may retry now. */
    @ServerExceptionMapper
    public Response datasetBusy(DatasetBusyException e, UriInfo uri) {
        return Response.fromResponse(problem(503, "dataset-busy", "Dataset busy", e.getMessage(), uri, null))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response tooLarge(RequestTooLargeException e, UriInfo uri) {
        return problem(413, "too-large", "Request too large", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response tooManyRows(RowLimitExceededException e, UriInfo uri) {
        return problem(413, "too-large", "Request too large", e.getMessage(), uri, null);
    }

    /** Usually nobody is left to read it; it keeps the log free of errors that are not the service's. */
    @ServerExceptionMapper
    public Response bodyNotReceived(BodyNotReceivedException e, UriInfo uri) {
        Log.debugf("Body of %s not received: %s", uri.getPath(), e.getCause().getMessage());
        return problem(408, "body-not-received", "Body not received", e.getMessage(), uri, null);
    }

    /** Nothing can reach a client that left; this only keeps the log free of errors that are not the service's. */
    @ServerExceptionMapper
    public Response clientGone(ClientGoneException e, UriInfo uri) {
        Log.debugf("Client left during %s", uri.getPath());
        return Response.noContent().build();
    }

    /** The framework's own answers (unknown path 404, 405, 406, 415, ...) in the same shape as ours. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (status == 501) {
            return problem(501, "not-implemented", "Not implemented here", e.getMessage(), uri, null);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Response problem = problem(status, "http-" + status, title, e.getMessage(), uri, null);
        if (status != 405) {
            return problem;
        }
        // A 405 says which methods the path has (RFC 9110).
        return Response.fromResponse(problem).header(HttpHeaders.ALLOW, String.join(", ", allowedMethods.of(uri.getPath()))).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (closedByClient(e)) {
            // A client that hangs up while sending its body is not a fault of the service; nothing reaches it anyway.
            Log.debugf("Client left during %s: %s", uri.getPath(), e.getMessage());
            return Response.noContent().build();
        }
        Log.errorf(e, "Unexpected failure on %s", uri.getPath());
        return problem(500, "internal", "Internal error", "The request failed on the server; see the service log", uri, null);
    }

    private static boolean closedByClient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    static Response problem(int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem body = new Problem(TYPE_PREFIX + slug, title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
