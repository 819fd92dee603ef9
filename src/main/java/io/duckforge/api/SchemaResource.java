package io.duckforge.api;

import io.duckforge.access.Access;
import io.duckforge.access.AuditLog;
import io.duckforge.access.Caller;
import io.duckforge.access.CurrentCaller;
import io.duckforge.access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.MigrationRequest;
import io.duckforge.schema.MigrationRequestReader;
import io.duckforge.schema.SchemaReader;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.MigrationRecord;
import io.duckforge.store.MigrationResult;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** The catalog of datasets: list, describe, declare, migrate, drop. */
@Path("/api/v1/schemas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemas")
public class SchemaResource {

    private final SchemaCatalog catalog;
    private final CurrentCaller caller;
    private final AuditLog audit;

    public SchemaResource(SchemaCatalog catalog, CurrentCaller caller, AuditLog audit) {
        this.catalog = catalog;
        this.caller = caller;
        this.audit = audit;
    }

    /** A page of the list; a catalog of thousands of datasets is not one multi-megabyte answer. */
    static final int MAX_LIST = 1000;

    @GET
    @Operation(operationId = "listSchemas", summary = "List the declared datasets, sorted by name",
            description = "At most `limit` (default and maximum " + MAX_LIST + ") datasets named after `after`; when more "
                    + "follow, a `Link: <...>; rel=\"next\"` header gives the next page.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DatasetSchema.class)))
    @Access(value = Need.READ, dataset = Access.Dataset.LISTED)
    public Response list(@Parameter(description = "datasets per page, 1 to " + MAX_LIST) @QueryParam("limit") Integer limit,
                         @Parameter(description = "list the datasets named after this one") @QueryParam("after") String after,
                         @Context UriInfo uri) {
        int size = limit == null ? MAX_LIST : limit;
        if (size < 1 || size > MAX_LIST) {
            throw new ValidationException(FieldError.of("limit", "limit must be between 1 and " + MAX_LIST));
        }
        List<DatasetSchema> page = catalog.all().stream()
                .filter(schema -> caller.get().may(Need.READ, schema.name()))
                .filter(schema -> after == null || schema.name().compareTo(after) > 0)
                .limit(size + 1L)
                .toList();
        if (page.size() <= size) {
            return Response.ok(page).build();
        }
        List<DatasetSchema> shown = page.subList(0, size);
        URI next = uri.getRequestUriBuilder().replaceQueryParam("limit", size)
                .replaceQueryParam("after", shown.get(size - 1).name()).build();
        return Response.ok(shown).link(next, "next").build();
    }

    @GET
    @Path("/{schema}")
    @Operation(operationId = "getSchema", summary = "Describe one dataset; its version is the ETag")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DatasetSchema.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "the ETag of the copy the client has",
            schema = @Schema(type = SchemaType.STRING))
    @Access(Need.READ)
    public Response get(@PathParam("schema") String name, @Context Request request) {
        DatasetSchema schema = catalog.require(name);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag(schema.version()));
        return unchanged != null ? unchanged.build() : Response.ok(schema).tag(etag(schema.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declareSchema", summary = "Declare a dataset", description = "Creates its table and indexes; 409 if the name is taken")
    @APIResponse(responseCode = "201", description = "Declared; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetSchema.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DatasetSchema.class)))
    @Access(value = Need.MANAGE, dataset = Access.Dataset.BODY)
    public Response declare(JsonNode document, @Context HttpServerRequest http) {
        DatasetSchema declared = SchemaReader.read(document);
        caller.get().requireGrant(Need.MANAGE, declared.name());
        String appliedBy = appliedBy(null, http);
        DatasetSchema schema = audit.record("declare", declared.name(), () -> catalog.declare(declared, appliedBy));
        return Response.created(UriBuilder.fromPath("/api/v1/schemas/{schema}").build(schema.name()))
                .entity(schema)
                .build();
    }

    @PATCH
    @Path("/{schema}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "migrateSchema", summary = "Migrate a dataset's schema",
            description = "Applies an ordered list of changes in one transaction and bumps the version; with "
                    + "dry_run only plans and checks. If-Match with the dataset's version (its ETag) applies it only to "
                    + "that version, else 412. 409 names the change and shows records that rule it out; 503 "
                    + "(Retry-After) when requests in flight did not finish in time.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.MIGRATION),
            example = "{\"changes\": ["
            + "{\"op\": \"add_property\", \"property\": {\"name\": \"field\", \"type\": \"string\", \"default\": \"unknown\"}}, "
            + "{\"op\": \"add_index\", \"name\": \"field\"}], \"dry_run\": true}"))
    @APIResponse(responseCode = "200", description = "Applied (or, with dry_run, planned); ETag is the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MigrationResult.class)))
    @Access(Need.MANAGE)
    public Response migrate(@PathParam("schema") String name, JsonNode body, @HeaderParam("If-Match") String ifMatch,
                            @Context HttpServerRequest http) {
        MigrationRequest read = MigrationRequestReader.read(body, null);
        MigrationRequest request = new MigrationRequest(read.changes(), read.dryRun(), appliedBy(read.appliedBy(), http));
        MigrationResult result = audit.record("migrate", name, () -> catalog.migrate(name, request, IfMatch.parse(ifMatch).expected(() -> catalog.require(name).version())));
        return Response.ok(result).tag(etag(result.dryRun() ? result.fromVersion() : result.toVersion())).build();
    }

    /** A dataset's version as its entity tag, as {@link IfMatch} reads it back. */
    private static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    @GET
    @Path("/{schema}/migrations")
    @Operation(operationId = "listMigrations", summary = "List a dataset's applied schema versions, oldest first")
    @APIResponse(responseCode = "200", description = "Every applied version, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = MigrationRecord.class)))
    @Access(Need.READ)
    public List<MigrationRecord> migrations(@PathParam("schema") String name) {
        return catalog.migrations(name);
    }

    /**
     * Who declared or migrated a dataset: an authenticated caller, with any {@code actor} of the body beside it, never
     * replaced by it; without authentication the {@code actor}, else {@code api:<client address>}.
     */
    private String appliedBy(String actor, HttpServerRequest http) {
        Caller who = caller.get();
        if (who == Caller.UNAUTHENTICATED) {
            return actor != null ? actor : "api:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        }
        return actor == null || actor.equals(who.name()) ? who.name() : who.name() + " for " + actor;
    }

    @DELETE
    @Path("/{schema}")
    @Operation(operationId = "dropSchema", summary = "Drop a dataset with all its records",
            description = "Only with confirm equal to the dataset's name; answers 204")
    @APIResponse(responseCode = "204", description = "Dropped with all its records and history")
    @Access(Need.MANAGE)
    public Response drop(@PathParam("schema") String name, @QueryParam("confirm") String confirm) {
        catalog.require(name);
        if (!name.equals(confirm)) {
            throw new ValidationException(FieldError.of("confirm",
                    "dropping deletes every record of '" + name + "'; repeat the dataset's name: ?confirm=" + name));
        }
        audit.record("drop", name, () -> {
            catalog.drop(name);
            return null;
        });
        return Response.noContent().build();
    }
}
