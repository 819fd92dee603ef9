package io.duckforge.api;

import io.duckforge.access.Access;
import io.duckforge.access.AuditLog;
import io.duckforge.access.CurrentCaller;
import io.duckforge.access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.query.Filter;
import io.duckforge.query.FilterParser;
import io.duckforge.query.PageCursor;
import io.duckforge.query.RecordQuery;
import io.duckforge.query.RecordQueryParser;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.RecordValidator;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.DatasetStore;
import io.duckforge.store.StoredRecord;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Records of a dataset: create one or many, read one, list pages, count. Every method is blocking and runs on a
 * worker thread, never on the event loop, because every one of them calls JDBC.
 */
@Path("/api/v1/records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Records")
public class RecordResource {

    private final SchemaCatalog catalog;
    private final DatasetStore store;
    private final BulkIngest bulkIngest;
    private final RecordChanges changes;

    private final CurrentCaller caller;
    private final AuditLog audit;
    private final PageCursor cursors;

    public RecordResource(SchemaCatalog catalog, DatasetStore store, BulkIngest bulkIngest, RecordChanges changes,
                          CurrentCaller caller, AuditLog audit, PageCursor cursors) {
        this.cursors = cursors;
        this.caller = caller;
        this.audit = audit;
        this.catalog = catalog;
        this.store = store;
        this.bulkIngest = bulkIngest;
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRecordInBody", summary = "Create one record", description = "Body: {\"schema_name\": \"...\", \"data\": {...}}")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag (the version) name it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.RECORD_IN_BODY)))
    @Access(value = Need.WRITE, dataset = Access.Dataset.BODY)
    public Response createFromEnvelope(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("schema_name").isTextual()) {
            throw new ValidationException(FieldError.of("schema_name", "expected {\"schema_name\": \"...\", \"data\": {...}}"));
        }
        body.fieldNames().forEachRemaining(key -> {
            if (!key.equals("schema_name") && !key.equals("data")) {
                throw new ValidationException(FieldError.of(key, "unknown key; expected schema_name and data"));
            }
        });
        String schemaName = body.get("schema_name").textValue();
        caller.get().require(Need.WRITE, schemaName);
        return create(schemaName, body.get("data"));
    }

    @POST
    @Path("/{schema}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRecord", summary = "Create one record", description = "Body: the bare data object")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag (the version) name it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.RECORD_DATA)))
    @Access(Need.WRITE)
    public Response create(@PathParam("schema") String schemaName, JsonNode data) {
        DatasetSchema schema = catalog.require(schemaName);
        StoredRecord record = store.insert(schema, RecordValidator.validate(schema, data));
        Log.debugf("Created record %s in %s", record.id(), schemaName);
        return Response.created(recordUri(record))
                .tag(etag(record))
                .entity(RecordView.of(record))
                .build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bulkCreateRecordsInBody", summary = "Create many records, all or nothing", description = "Body: {\"schema_name\": \"...\", \"data\": [{...}, ...]}")
    @APIResponse(responseCode = "201", description = "Every row written, in one transaction", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResult.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.RECORDS_IN_BODY)))
    @Access(value = Need.WRITE, dataset = Access.Dataset.BODY)
    public Response bulkFromEnvelope(InputStream body) throws IOException {
        return bulkCreated(bulkIngest.ingestEnvelope(body));
    }

    @POST
    @Path("/{schema}/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bulkCreateRecords", summary = "Create many records, all or nothing", description = "Body: a JSON array of data objects")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.RECORDS)))
    @APIResponse(responseCode = "201", description = "Every row written, in one transaction", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResult.class)))
    @Access(Need.WRITE)
    public Response bulk(@PathParam("schema") String schemaName, InputStream body) throws IOException {
        return bulkCreated(bulkIngest.ingestArray(schemaName, body));
    }

    @POST
    @Path("/{schema}/bulk")
    @Consumes("application/x-ndjson")
    @Operation(operationId = "bulkCreateRecords", summary = "Create many records, all or nothing", description = "Body: one data object per line (NDJSON)")
    @RequestBody(required = true, content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)))
    @Access(Need.WRITE)
    public Response bulkNdjson(@PathParam("schema") String schemaName, InputStream body) throws IOException {
        return bulkCreated(bulkIngest.ingestNdjson(schemaName, body));
    }

    @POST
    @Path("/{schema}/bulk")
    @Consumes("text/csv")
    @Operation(operationId = "bulkCreateRecords", summary = "Create many records, all or nothing", description = "Body: CSV with a header row of property names")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @Access(Need.WRITE)
    public Response bulkCsv(@PathParam("schema") String schemaName, InputStream body) throws IOException {
        return bulkCreated(bulkIngest.ingestCsv(schemaName, body));
    }

    @POST
    @Path("/{schema}/bulk")
    @Consumes("application/vnd.apache.parquet")
    @Operation(operationId = "bulkCreateRecords", summary = "Create many records, all or nothing",
            description = "Body: a Parquet file whose columns are properties; valid id, created_at, updated_at and version columns are kept")
    @RequestBody(required = true, content = @Content(mediaType = "application/vnd.apache.parquet", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Access(Need.WRITE)
    public Response bulkParquet(@PathParam("schema") String schemaName, InputStream body) throws IOException {
        return bulkCreated(bulkIngest.ingestParquet(schemaName, body));
    }

    @POST
    @Path("/{schema}/bulk")
    @Consumes("application/vnd.apache.arrow.stream")
    @Operation(operationId = "bulkCreateRecords", summary = "Create many records, all or nothing",
            description = "Body: an Arrow IPC stream whose columns are properties; valid id, created_at, updated_at and version columns are kept")
    @RequestBody(required = true, content = @Content(mediaType = "application/vnd.apache.arrow.stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Access(Need.WRITE)
    public Response bulkArrow(@PathParam("schema") String schemaName, @Context HttpHeaders headers, InputStream body)
            throws IOException {
        return bulkCreated(bulkIngest.ingestArrow(schemaName, body, headers.getLength()));
    }

    @GET
    @Path("/{schema}/count")
    @Operation(operationId = "countRecords", summary = "Count the records matching the filters")
    @APIResponse(responseCode = "200", description = "The number of matching records", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountView.class)))
    @Access(Need.READ)
    public CountView count(@PathParam("schema") String schemaName,
                           @Parameter(description = "JSON array of {field, operator, value}") @QueryParam("filters") String filters) {
        DatasetSchema schema = catalog.require(schemaName);
        return new CountView(store.count(schema, FilterParser.parse(filters, schema)));
    }

    @GET
    @Path("/{schema}/{id}")
    @Operation(operationId = "getRecord", summary = "Read one record; its version is the ETag")
    @APIResponse(responseCode = "200", description = "The record; ETag is its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "the ETag of the copy the client has",
            schema = @Schema(type = SchemaType.STRING))
    @Access(Need.READ)
    public Response get(@PathParam("schema") String schemaName, @PathParam("id") String id, @Context Request request) {
        DatasetSchema schema = catalog.require(schemaName);
        UUID recordId = parseId(id);
        StoredRecord record = store.findById(schema, recordId).orElseThrow(() -> new RecordNotFoundException(schemaName, recordId));
        // If-None-Match naming the current version: 304, and the client keeps its copy.
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag(record));
        return unchanged != null ? unchanged.build() : withEtag(record);
    }

    @PUT
    @Path("/{schema}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceRecord", summary = "Replace a record's data",
            description = "Body: the whole data object; absent properties take their default. Bumps version and updated_at. "
                    + "With If-Match, applies only to that version (else 412).")
    @APIResponse(responseCode = "200", description = "The record as stored; ETag is its new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.RECORD_DATA)))
    @Access(Need.WRITE)
    public Response replace(@PathParam("schema") String schemaName, @PathParam("id") String id,
                            @HeaderParam("If-Match") String ifMatch, JsonNode data) {
        DatasetSchema schema = catalog.require(schemaName);
        return withEtag(changes.replace(schema, parseId(id), data, IfMatch.parse(ifMatch)));
    }

    @PATCH
    @Path("/{schema}/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "patchRecord", summary = "Change some of a record's properties",
            description = "Body: a JSON merge patch of the data object; a key replaces that property, null clears it. "
                    + "Bumps version and updated_at. With If-Match, applies only to that version (else 412).")
    @APIResponse(responseCode = "200", description = "The record as stored; ETag is its new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.RECORD_DATA)),
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = OpenApiBodies.RECORD_DATA))})
    @Access(Need.WRITE)
    public Response patch(@PathParam("schema") String schemaName, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        DatasetSchema schema = catalog.require(schemaName);
        return withEtag(changes.patch(schema, parseId(id), patch, IfMatch.parse(ifMatch)));
    }

    @DELETE
    @Path("/{schema}/{id}")
    @Operation(operationId = "deleteRecord", summary = "Delete a record", description = "204; with If-Match, only that version (else 412)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Access(Need.WRITE)
    public Response delete(@PathParam("schema") String schemaName, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch) {
        DatasetSchema schema = catalog.require(schemaName);
        changes.delete(schema, parseId(id), IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{schema}")
    @Operation(operationId = "deleteRecords", summary = "Delete the records matching the filters",
            description = "Answers {\"deleted\": n}. Without filters it deletes nothing unless all=true is given.")
    @APIResponse(responseCode = "200", description = "How many records were deleted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeletedView.class)))
    @Access(Need.WRITE)
    public DeletedView deleteMatching(@PathParam("schema") String schemaName,
                                      @Parameter(description = "JSON array of {field, operator, value}") @QueryParam("filters") String filters,
                                      @Parameter(description = "true to delete every record when no filters are given") @QueryParam("all") String all) {
        DatasetSchema schema = catalog.require(schemaName);
        List<Filter> parsed = FilterParser.parse(filters, schema);
        if (parsed.isEmpty() && !"true".equals(all)) {
            throw new ValidationException(FieldError.of("filters",
                    "give filters to choose the records to delete, or all=true to delete every record"));
        }
        return new DeletedView(audit.record("delete-matching", schemaName, () -> store.deleteWhere(schema, parsed)));
    }

    @GET
    @Path("/{schema}")
    @Operation(operationId = "listRecords", summary = "List a page of records", description = "Sorted by created_at then id unless sort says otherwise; id always breaks ties")
    @APIResponse(responseCode = "200", description = "A page of records", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPage.class)))
    @Access(Need.READ)
    public Response list(@PathParam("schema") String schemaName,
                           @Parameter(description = "1-based page number", schema = @Schema(type = SchemaType.INTEGER,
                                   minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
                           @Parameter(description = "records per page", schema = @Schema(type = SchemaType.INTEGER,
                                   minimum = "1", maximum = "1000", defaultValue = "10")) @QueryParam("size") String size,
                           @Parameter(description = "JSON array of {field, operator, value}") @QueryParam("filters") String filters,
                           @Parameter(description = "JSON array of {field, order: asc|desc}") @QueryParam("sort") String sort,
                           @Parameter(description = "comma-separated properties to return") @QueryParam("fields") String fields,
                           @Parameter(description = "false to leave total out (null), which saves counting every match",
                                   schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) @QueryParam("count") String count,
                           @Parameter(description = "next_cursor of the page before, to continue after it (page left out); "
                                   + "its cost does not grow with the depth") @QueryParam("cursor") String cursor,
                           @Context UriInfo uri) {
        DatasetSchema schema = catalog.require(schemaName);
        RecordQuery query = RecordQueryParser.parse(schema, filters, sort, fields, parseInt("page", page), parseInt("size", size), count);
        RecordPage answer = RecordPage.fetch(store, cursors, schema, query, cursor, page != null && !page.isBlank());
        Response.ResponseBuilder response = Response.ok(answer);
        if (answer.nextCursor() != null) {
            // RFC 8288: the next page's address, for clients that follow links rather than read bodies.
            response.link(uri.getRequestUriBuilder().replaceQueryParam("page").replaceQueryParam("cursor", answer.nextCursor())
                    .build(), "next");
        }
        return response.build();
    }

    /** 200 with the record, its version as the ETag. */
    private static Response withEtag(StoredRecord record) {
        return Response.ok(RecordView.of(record)).tag(etag(record)).build();
    }

    private static Response bulkCreated(long rows) {
        return Response.status(Response.Status.CREATED).entity(new BulkResult(rows)).build();
    }

    private static URI recordUri(StoredRecord record) {
        return UriBuilder.fromPath("/api/v1/records/{schema}/{id}").build(record.schemaName(), record.id());
    }

    private static EntityTag etag(StoredRecord record) {
        return new EntityTag(Long.toString(record.version()));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("id", "'" + id + "' is not a UUID"));
        }
    }

    // Query parameters arrive as strings so a bad number is a 400 naming the parameter, not JAX-RS' 404.
    private static Integer parseInt(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(FieldError.of(name, "'" + value + "' is not a whole number"));
        }
    }
}
