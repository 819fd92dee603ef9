package io.duckforge.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A request refused before its body has all arrived (a bad first row, a body over its limit, no connection free) is
 * answered at once, without reading the rest: a stalled or huge upload must not hold a worker thread. The rest of
 * that body would then sit unread in front of the connection's next request, so the connection is closed once the
 * answer is sent, and the answer says so.
 */
public class UnreadBodyConnectionClose {

    @ServerResponseFilter
    public void closeWhenTheBodyIsUnread(ContainerResponseContext response, RoutingContext exchange) {
        if (!exchange.request().isEnded()) {
            response.getHeaders().putSingle(HttpHeaders.CONNECTION.toString(), HttpHeaders.CLOSE.toString());
            exchange.addEndHandler(sent -> exchange.request().connection().close());
        }
    }
}
