package io.duckforge.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Map;
import java.util.Set;

/**
 * The error answers each operation can give, as the problem+json they are ({@link Problem}), and the
 * {@code Idempotency-Key} header that {@link IdempotencyFilter} honours on every write. Declared by rule, from what an
 * operation takes (a dataset in its path, a body, If-Match, a write method), so that a new endpoint is described the
 * way the code treats it. 401 and 403 come from {@code io.duckforge.access.OpenApiSecurity}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiProblems implements OASFilter {

    public static final String PROBLEM = "Problem";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(PROBLEM, problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            problems(path, method, operation).forEach((status, description) ->
                    operation.getResponses().addAPIResponse(status, response(description)));
            if (WRITES.contains(method)) {
                operation.addParameter(idempotencyKey());
            }
        }));
    }

    private static Map<String, String> problems(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new java.util.TreeMap<>();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.HEADER);
        if (hasBody || hasQuery) {
            problems.put("400", "A parameter or the body breaks a rule; errors[] name each field (and row)");
        }
        if (path.contains("{schema}")) {
            problems.put("404", path.contains("{id}") ? "No such dataset or record (or a dataset the caller may not read)"
                    : "No such dataset (or one the caller may not read)");
        }
        if (hasBody) {
            problems.put("413", "The body is larger than the service accepts");
            problems.put("415", "A content type the operation does not read");
        }
        if (WRITES.contains(method)) {
            problems.put("409", "A conflict: a unique value or name taken, a write racing another, or a request with "
                    + "the same Idempotency-Key still running");
            problems.put("422", "The Idempotency-Key was first used for a different request");
            if (!ReadsInABody.matches(method.name(), path)) {
                problems.put("507", "The database's disk is short of space; reads go on");
            }
        }
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "If-Match".equals(p.getName()))) {
            problems.put("412", "If-Match names a version that is no longer current");
        }
        if (path.endsWith("/stream") || path.endsWith("/aggregate")) {
            problems.put("406", "Neither format= nor Accept names a format the operation can write");
        }
        problems.put("500", "An unexpected error; the log has the details under the request id");
        problems.put("503", "Overloaded, out of memory or the database failed; retry after Retry-After");
        return problems;
    }

    private static Parameter idempotencyKey() {
        return OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER).required(false)
                .description("Makes the request safe to retry: the same key and request answer the first result again "
                        + "(Idempotent-Replayed: true) for duckforge.idempotency.retention")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH));
    }

    /** A problem+json answer with {@code description}. */
    public static APIResponse response(String description) {
        MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM));
        Content content = OASFactory.createContent().addMediaType("application/problem+json", problem);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** RFC 9457, as every error of the API is written ({@link Problem}). */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
