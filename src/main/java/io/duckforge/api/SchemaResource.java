package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.SchemaReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The catalog of datasets: list, describe, declare. */
@Path("/api/v1/schemas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemas")
public class SchemaResource {

    private final SchemaCatalog catalog;

    public SchemaResource(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "List the declared datasets")
    public List<DatasetSchema> list() {
        return catalog.all();
    }

    @GET
    @Path("/{schema}")
    @Operation(summary = "Describe one dataset")
    public DatasetSchema get(@PathParam("schema") String name) {
        return catalog.require(name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare a dataset", description = "Creates its table and indexes; 409 if the name is taken")
    public Response declare(JsonNode document) {
        DatasetSchema schema = catalog.declare(SchemaReader.read(document));
        return Response.created(UriBuilder.fromPath("/api/v1/schemas/{schema}").build(schema.name()))
                .entity(schema)
                .build();
    }
}
