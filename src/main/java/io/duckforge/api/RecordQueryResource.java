package io.duckforge.api;

import io.duckforge.access.Access;
import io.duckforge.access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.query.RecordQueryParser;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.store.DatasetStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/records/{schema}/query}: a page of records, asked for in a body. URLs stop at a few kilobytes
 * on the way (this service's own limit, proxies, clients), which long filters would pass.
 */
@Path("/api/v1/records/{schema}/query")
@Tag(name = "Records")
public class RecordQueryResource {

    private final SchemaCatalog catalog;
    private final DatasetStore store;

    public RecordQueryResource(SchemaCatalog catalog, DatasetStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "queryRecords", summary = "List a page of records, the query in the body",
            description = "Body: {\"filters\": [...], \"sort\": [...], \"fields\": [...], \"page\": 1, \"size\": 10}, "
                    + "each as the list endpoint's parameter of the same name (fields also as an array); the same page "
                    + "answers. Nothing is written.")
    @APIResponse(responseCode = "200", description = "A page of records", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPage.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.PAGE_QUERY)))
    @Access(Need.READ)
    public RecordPage query(@PathParam("schema") String schemaName, JsonNode body) {
        DatasetSchema schema = catalog.require(schemaName);
        return RecordPage.fetch(store, schema, RecordQueryParser.parseBody(schema, body));
    }
}
