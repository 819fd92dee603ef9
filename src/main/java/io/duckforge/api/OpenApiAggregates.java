package io.duckforge.api;

import io.duckforge.aggregate.AggregateQueryParser;
import io.duckforge.aggregate.MetricFunction;
import io.duckforge.aggregate.TimeBucket;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;

import static io.duckforge.api.OpenApiBodies.array;
import static io.duckforge.api.OpenApiBodies.integer;
import static io.duckforge.api.OpenApiBodies.object;
import static io.duckforge.api.OpenApiBodies.ref;
import static io.duckforge.api.OpenApiBodies.string;
import static io.duckforge.api.OpenApiBodies.wireNames;

/**
 * The aggregate request body and answer, as components, for the reason {@link OpenApiBodies} gives: the parser walks
 * the JSON itself, and the answer's groups are rows the database renders. Names of functions and buckets come from
 * the code's enums.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiAggregates implements OASFilter {

    static final String REQUEST = "AggregateRequest";
    static final String ANSWER = "AggregateAnswer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema("GroupKey", OASFactory.createSchema()
                .description("a property name, or a calendar period of a date or datetime property")
                .oneOf(List.of(string(), object().required(List.of("field", "bucket"))
                        .addProperty("field", string())
                        .addProperty("bucket", string().enumeration(wireNames(TimeBucket.values()))))));
        components.addSchema("Metric", object().required(List.of("fn"))
                .addProperty("fn", string().enumeration(wireNames(MetricFunction.values())))
                .addProperty("field", string().description("the property; none for count of rows"))
                .addProperty("q", OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.NUMBER)
                        .minimum(BigDecimal.ZERO).maximum(BigDecimal.ONE).description("quantile only: which, from 0 to 1"))
                .addProperty("as", string().pattern("^[a-z_][a-z0-9_]{0,62}$")
                        .description("the metric's name in each group; default <fn>_<field>, or count")));
        components.addSchema(REQUEST, object()
                .addProperty("group_by", array(ref("GroupKey")))
                .addProperty("metrics", array(ref("Metric")).minItems(1))
                .addProperty("filters", array(ref("Filter")))
                .addProperty("having", array(ref("Filter")))
                .addProperty("sort", array(ref("Sort")))
                .addProperty("limit", integer().minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(AggregateQueryParser.MAX_LIMIT)).defaultValue(AggregateQueryParser.DEFAULT_LIMIT)
                        .description("at most this many groups; a stream has no maximum"))
                .addProperty("tz", string().defaultValue("UTC").description("IANA time zone where buckets of datetimes start"))
                .addProperty("format", string().enumeration(List.of("json", "ndjson", "csv", "parquet", "arrow"))
                        .description("overrides Accept")));
        components.addSchema(ANSWER, object().required(List.of("schema_name", "groups", "truncated"))
                .addProperty("schema_name", string())
                .addProperty("groups", array(object().additionalPropertiesBoolean(true)
                        .description("a group's keys (a bucket's start: a date, or an instant in UTC) and metrics")))
                .addProperty("truncated", OASFactory.createSchema()
                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.BOOLEAN)
                        .description("whether more groups than limit matched")));
        openAPI.setComponents(components);
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.endsWith("/aggregate")) {
                    item.getOperations().values().forEach(operation -> operation.getResponses().addAPIResponse("200", groups()));
                }
            });
        }
    }

    /** The JSON answer, or the groups streamed in any stream format (downloads, as record streams are described). */
    private static APIResponse groups() {
        Content content = OASFactory.createContent().addMediaType(MediaType.APPLICATION_JSON,
                OASFactory.createMediaType().schema(ref(ANSWER)));
        for (ExportFormat format : ExportFormat.values()) {
            content.addMediaType(format.mediaType(), OASFactory.createMediaType().schema(string().format("binary")));
        }
        return OASFactory.createAPIResponse().description("The groups").content(content);
    }
}
