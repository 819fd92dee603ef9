package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.access.Access;
import io.duckforge.access.Need;
import io.duckforge.aggregate.AggregateQuery;
import io.duckforge.aggregate.AggregateQueryParser;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.store.AggregateStore;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET} and {@code POST /api/v1/records/{schema}/aggregate}: groups of a dataset's records and figures over each,
 * computed by the database; as one JSON answer of at most {@value AggregateQueryParser#MAX_LIMIT} groups, or streamed
 * in any stream format without a bound.
 */
// The 200 answers (JSON, or a stream in any format) are described by OpenApiAggregates, once for both methods.
@Path("/api/v1/records/{schema}/aggregate")
@Tag(name = "Aggregates")
public class AggregateResource {

    private static final String DESCRIPTION = "Groups by group_by (properties, or {field, bucket} calendar periods of a "
            + "date or datetime, starting in tz), with metrics over each group (default: count of rows), after filters; "
            + "having filters groups by metric; sort orders them by key or metric (default: by the keys); limit caps "
            + "them (default " + AggregateQueryParser.DEFAULT_LIMIT + ", at most " + AggregateQueryParser.MAX_LIMIT
            + " in a JSON answer; streams have no cap). JSON by default; format= or Accept chooses a stream of the groups "
            + "instead: NDJSON, CSV, Parquet or Arrow.";

    private final SchemaCatalog catalog;
    private final AggregateStore aggregates;
    private final ResultExporter exporter;
    private final AggregateAnswers answers;

    public AggregateResource(SchemaCatalog catalog, AggregateStore aggregates, ResultExporter exporter,
                             AggregateAnswers answers) {
        this.catalog = catalog;
        this.aggregates = aggregates;
        this.exporter = exporter;
        this.answers = answers;
    }

    @GET
    @Operation(operationId = "aggregateRecords", summary = "Aggregate records: groups, time buckets, metrics",
            description = DESCRIPTION + " Each parameter but limit, tz and format is JSON text.")
    @Access(Need.READ)
    public Response aggregate(@PathParam("schema") String schemaName,
                              @Parameter(description = "JSON array: property names or {\"field\", \"bucket\": year|quarter|month|week|day|hour}")
                              @QueryParam("group_by") String groupBy,
                              @Parameter(description = "JSON array of {\"fn\", \"field\", \"q\", \"as\"}")
                              @QueryParam("metrics") String metrics,
                              @Parameter(description = "JSON array of {field, operator, value}, on records before grouping")
                              @QueryParam("filters") String filters,
                              @Parameter(description = "JSON array of {field, operator, value}, on metric names after grouping")
                              @QueryParam("having") String having,
                              @Parameter(description = "JSON array of {field, order: asc|desc} over group keys and metric names")
                              @QueryParam("sort") String sort,
                              @Parameter(description = "at most this many groups", schema = @Schema(type = SchemaType.INTEGER,
                                      minimum = "1", maximum = "" + AggregateQueryParser.MAX_LIMIT)) @QueryParam("limit") String limit,
                              @Parameter(description = "IANA time zone where buckets of datetimes start; default UTC")
                              @QueryParam("tz") String tz,
                              @Parameter(description = "overrides Accept", schema = @Schema(type = SchemaType.STRING,
                                      enumeration = {"json", "ndjson", "csv", "parquet", "arrow"})) @QueryParam("format") String format,
                              @Context HttpHeaders headers, @Context UriInfo uri, @Context RoutingContext request) {
        DatasetSchema schema = catalog.require(schemaName);
        Optional<ExportFormat> stream = streamFormat(format, headers.getAcceptableMediaTypes());
        AggregateQuery query = AggregateQueryParser.parseParameters(schema, groupBy, metrics, filters, having, sort, limit, tz,
                stream.isPresent());
        return respond(schema, query, stream, uri, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "aggregateRecordsInBody", summary = "Aggregate records, the request in the body",
            description = DESCRIPTION + " The body holds the GET parameters as JSON values. Nothing is written.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = OpenApiAggregates.REQUEST)))
    @Access(Need.READ)
    public Response aggregateInBody(@PathParam("schema") String schemaName, JsonNode body, @Context HttpHeaders headers,
                                    @Context UriInfo uri, @Context RoutingContext request) {
        DatasetSchema schema = catalog.require(schemaName);
        JsonNode format = body == null ? null : body.get("format");
        Optional<ExportFormat> stream = streamFormat(format == null || format.isNull() ? null : format.asText(),
                headers.getAcceptableMediaTypes());
        return respond(schema, AggregateQueryParser.parseBody(schema, body, stream.isPresent()), stream, uri, request);
    }

    private Response respond(DatasetSchema schema, AggregateQuery query, Optional<ExportFormat> stream, UriInfo uri,
                             RoutingContext request) {
        if (stream.isEmpty()) {
            return Response.ok(answers.answer(schema, query), MediaType.APPLICATION_JSON).build();
        }
        return exporter.respond(new ExportSource.Groups(aggregates, schema, query), stream.get(), uri.getPath(), request);
    }

    /**
     * The stream format asked for, or empty for the JSON answer: {@code format=} first, else the first acceptable type
     * in the client's order; no Accept, any type or JSON means the JSON answer.
     */
    static Optional<ExportFormat> streamFormat(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            if (format.trim().equalsIgnoreCase("json")) {
                return Optional.empty();
            }
            return Optional.of(ExportFormat.byName(format).orElseThrow(AggregateResource::notAcceptable));
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
            Optional<ExportFormat> negotiated = ExportFormat.negotiate(List.of(accepted));
            if (negotiated.isPresent()) {
                return negotiated;
            }
        }
        if (acceptable.isEmpty()) {
            return Optional.empty();
        }
        throw notAcceptable();
    }

    private static NotAcceptableException notAcceptable() {
        return new NotAcceptableException("Supported formats: json (application/json), " + ExportFormat.supported());
    }
}
