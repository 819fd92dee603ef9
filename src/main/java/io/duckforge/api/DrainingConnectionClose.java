package io.duckforge.api;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Once a shutdown begins (readiness DOWN for {@code quarkus.shutdown.delay}), every answer closes its connection. A
 * keep-alive client would otherwise go on sending to this process for as long as it takes requests, since it never
 * asks the Service for an endpoint again, and the graceful shutdown would wait out its whole timeout.
 */
@Singleton
public class DrainingConnectionClose {

    private volatile boolean draining;

    void onShutdownBegun(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
    }

    @ServerResponseFilter
    public void closeWhileDraining(ContainerResponseContext response, RoutingContext exchange) {
        if (draining) {
            ConnectionClose.afterThisAnswer(response, exchange);
        }
    }
}
