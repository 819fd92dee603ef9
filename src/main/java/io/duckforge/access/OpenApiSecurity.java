package io.duckforge.access;

import io.duckforge.api.OpenApiProblems;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;

/**
 * Declares in the OpenAPI description what {@link AccessFilter} enforces on every operation: a JWT or an API key
 * (either satisfies the requirement), and the 401 and 403 answers every operation can give. The grant each operation
 * needs is in docs/api.md, "Credentials and grants".
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiSecurity implements OASFilter {

    static final String JWT = "jwt";
    static final String API_KEY = "api_key";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(JWT, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT (RS256 or ES256) whose grants claim (default scope) holds grants such as "
                        + "datasets:read:<name>; an API key may be sent this way too"));
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("An API key from the service's key file"));
        openAPI.setComponents(components);
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(JWT),
                OASFactory.createSecurityRequirement().addScheme(API_KEY)));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                operation.getResponses().addAPIResponse("401", OpenApiProblems.response("No credentials, or credentials that do not verify "
                        + "(WWW-Authenticate: Bearer)"));
                operation.getResponses().addAPIResponse("403", OpenApiProblems.response("The caller lacks the grant this operation needs; "
                        + "errors[0].message names it"));
            }
        }
    }
}
