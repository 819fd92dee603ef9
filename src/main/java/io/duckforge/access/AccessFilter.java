package io.duckforge.access;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;

/**
 * Runs first on every request that reached a resource method, before anything reads the body or the database:
 * establishes the caller and checks what the method's {@link Access} needs. A method without {@link Access} is
 * refused: access is declared, never assumed.
 */
public class AccessFilter {

    private final Authenticator authenticator;
    private final CurrentCaller current;

    public AccessFilter(Authenticator authenticator, CurrentCaller current) {
        this.authenticator = authenticator;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Access access = method == null ? null : method.getAnnotation(Access.class);
        if (access == null) {
            throw new AccessDeniedException("admin");
        }
        Caller caller = authenticator.authenticate(request.getHeaderString("Authorization"), request.getHeaderString("X-API-Key"));
        current.set(caller);
        switch (access.dataset()) {
            case PATH -> caller.require(access.value(), request.getUriInfo().getPathParameters().getFirst("schema"));
            case NONE -> caller.require(access.value(), Grant.EVERY_DATASET);
            case BODY, LISTED -> {
                // the method checks, or filters, once it knows the dataset
            }
        }
    }
}
