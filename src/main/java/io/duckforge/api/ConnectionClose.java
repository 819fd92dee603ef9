package io.duckforge.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Ends a keep-alive connection with the answer being sent: the answer says so, and the connection closes after it. */
final class ConnectionClose {

    private ConnectionClose() {
    }

    static void afterThisAnswer(ContainerResponseContext response, RoutingContext exchange) {
        response.getHeaders().putSingle(HttpHeaders.CONNECTION.toString(), HttpHeaders.CLOSE.toString());
        exchange.addEndHandler(sent -> exchange.request().connection().close());
    }
}
