package io.duckforge.api;

import io.duckforge.access.Access;
import io.duckforge.access.Need;
import io.duckforge.query.ExportQuery;
import io.duckforge.query.RecordQueryParser;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaCatalog;
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

/** Whole result sets, streamed: {@code GET /api/v1/records/{schema}/stream}. */
@Path("/api/v1/records/{schema}/stream")
@Tag(name = "Records")
public class RecordStreamResource {

    private final SchemaCatalog catalog;
    private final ResultExporter exporter;
    private final DatasetStore store;

    public RecordStreamResource(SchemaCatalog catalog, ResultExporter exporter, DatasetStore store) {
        this.catalog = catalog;
        this.exporter = exporter;
        this.store = store;
    }

    @GET
    @Operation(operationId = "streamRecords", summary = "Stream every matching record",
            description = "NDJSON (application/x-ndjson, the default), CSV (text/csv), Parquet "
                    + "(application/vnd.apache.parquet) or Arrow IPC stream (application/vnd.apache.arrow.stream), chosen by "
                    + "format= or Accept; unordered unless sort is given. "
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
                           @Parameter(description = "overrides Accept", schema = @Schema(type = SchemaType.STRING,
                                   enumeration = {"ndjson", "csv", "parquet", "arrow"})) @QueryParam("format") String format,
                           @Context HttpHeaders headers,
                           @Context UriInfo uri,
                           @Context RoutingContext request) {
        DatasetSchema schema = catalog.require(schemaName);
        ExportQuery query = RecordQueryParser.parseExport(schema, filters, sort, fields, limit);
        ExportFormat chosen = (format == null || format.isBlank()
                ? ExportFormat.negotiate(headers.getAcceptableMediaTypes())
                : ExportFormat.byName(format))
                .orElseThrow(() -> new NotAcceptableException("Supported formats: " + ExportFormat.supported()));
        return exporter.respond(new ExportSource.Records(store, schema, query), chosen, uri.getPath(), request);
    }
}
