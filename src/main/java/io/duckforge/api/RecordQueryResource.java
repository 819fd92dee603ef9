package io.duckforge.api;

import io.duckforge.access.Access;
import io.duckforge.access.Need;
import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.query.PageCursor;
import io.duckforge.query.RecordQueryParser;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;
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
    private final PageCursor cursors;

    public RecordQueryResource(SchemaCatalog catalog, DatasetStore store, PageCursor cursors) {
        this.catalog = catalog;
        this.store = store;
        this.cursors = cursors;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "queryRecords", summary = "List a page of records, the query in the body",
            description = "Body: {\"filters\": [...], \"sort\": [...], \"fields\": [...], \"page\": 1, \"size\": 10, "
                    + "\"count\": true, \"cursor\": \"...\"}, "
                    + "each as the list endpoint's parameter of the same name (fields also as an array); the same page "
                    + "answers. Nothing is written.")
    @APIResponse(responseCode = "200", description = "A page of records", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPage.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiBodies.PAGE_QUERY)))
    @Access(Need.READ)
    public RecordPage query(@PathParam("schema") String schemaName, JsonNode body) {
        DatasetSchema schema = catalog.require(schemaName);
        JsonNode cursor = body == null ? null : body.get("cursor");
        if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
            throw new ValidationException(FieldError.of("cursor", "expected the text of a next_cursor"));
        }
        return RecordPage.fetch(store, cursors, schema, RecordQueryParser.parseBody(schema, body),
                cursor == null || cursor.isNull() ? null : cursor.textValue(), body.hasNonNull("page"));
    }
}
