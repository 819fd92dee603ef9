package io.duckforge.api;

import io.duckforge.access.Access;
import io.duckforge.access.Need;
import io.duckforge.query.ExportQuery;
import io.duckforge.query.PageCursor;
import io.duckforge.query.RecordQueryParser;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.DatasetStore;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Whole result sets, streamed: {@code GET /api/v1/records/{schema}/stream}. */
@Path("/api/v1/records/{schema}/stream")
@Tag(name = "Records")
public class RecordStreamResource {

    private final SchemaCatalog catalog;
    private final ResultExporter exporter;
    private final DatasetStore store;
    private final PageCursor cursors;

    public RecordStreamResource(SchemaCatalog catalog, ResultExporter exporter, DatasetStore store, PageCursor cursors) {
        this.catalog = catalog;
        this.exporter = exporter;
        this.store = store;
        this.cursors = cursors;
    }

    @GET
    @Operation(operationId = "streamRecords", summary = "Stream every matching record",
            description = "NDJSON (application/x-ndjson, the default), CSV (text/csv), Parquet "
                    + "(application/vnd.apache.parquet) or Arrow IPC stream (application/vnd.apache.arrow.stream), chosen by "
                    + "format= or Accept; unordered unless sort or after is given. "
                    + "after= resumes a broken stream: pass the id of the last record received (or a page's next_cursor), "
                    + "with the same filters and sort, and the stream continues after it in page order (sort, then "
                    + "created_at without a sort, then id). "
                    + "A failure after the first byte ends NDJSON with an {\"error\": ...} line and aborts the response "
                    + "without its final chunk.")
    // Binary for the text formats too: a stream is a download of any size, which generated clients hand over as a
    // file or blob instead of reading it into one string (or, worse, parsing it as a JSON string).
    @APIResponse(responseCode = "200", description = "Every matching record, in the chosen format", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.apache.parquet", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.apache.arrow.stream", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Access(Need.READ)
    public Response stream(@PathParam("schema") String schemaName,
                           @Parameter(description = "JSON array of {field, operator, value}") @QueryParam("filters") String filters,
                           @Parameter(description = "JSON array of {field, order: asc|desc}") @QueryParam("sort") String sort,
                           @Parameter(description = "comma-separated properties to return") @QueryParam("fields") String fields,
                           @Parameter(description = "at most this many records (no upper bound)",
                                   schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("limit") String limit,
                           @Parameter(description = "resume after this record: the id of the last record received, "
                                   + "or a next_cursor of a page with the same filters and sort") @QueryParam("after") String after,
                           @Parameter(description = "overrides Accept", schema = @Schema(type = SchemaType.STRING,
                                   enumeration = {"ndjson", "csv", "parquet", "arrow"})) @QueryParam("format") String format,
                           @Context HttpHeaders headers,
                           @Context UriInfo uri,
                           @Context RoutingContext request) {
        DatasetSchema schema = catalog.require(schemaName);
        ExportQuery query = resumed(schema, RecordQueryParser.parseExport(schema, filters, sort, fields, limit), after);
        ExportFormat chosen = (format == null || format.isBlank()
                ? ExportFormat.negotiate(headers.getAcceptableMediaTypes())
                : ExportFormat.byName(format))
                .orElseThrow(() -> new NotAcceptableException("Supported formats: " + ExportFormat.supported()));
        return exporter.respond(new ExportSource.Records(store, schema, query), chosen, uri.getPath(), request);
    }

    /**
     * The query continuing after {@code after}: a cursor's keys as they were, or a record's keys as they are now. A
     * cursor always holds a dot, which an id never does.
     */
    private ExportQuery resumed(DatasetSchema schema, ExportQuery query, String after) {
        if (after == null || after.isBlank()) {
            return query;
        }
        String point = after.trim();
        if (point.contains(".")) {
            return query.after(cursors.decode("after", point, schema, query.filters(), query.sort()));
        }
        UUID id;
        try {
            id = UUID.fromString(point);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("after", "expected the id of the last record received or a page's next_cursor"));
        }
        return query.after(store.orderKeysOf(schema, query.sort(), id).orElseThrow(() -> new ValidationException(
                FieldError.of("after", "no record has the id '" + point + "' (deleted since?); resume after the one before it"))));
    }
}
