package io.duckforge.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A request refused before its body has all been read (an unknown dataset, a body over its limit, no connection
 * free) is answered at once, without reading the rest: a stalled or huge upload must not hold a worker thread. The
 * rest of that body would then sit unread in front of the connection's next request, so the connection is closed
 * once the answer is sent, and the answer says so. Bodies are read through {@link LimitedInputStream}, which marks
 * the exchange when it reaches the end.
 */
public class UnreadBodyConnectionClose {

    private static final String BODY_READ = "duckforge.body-read";

    /** What a body's reader runs when it reaches the body's end. */
    static Runnable markBodyRead(RoutingContext exchange) {
        return () -> exchange.put(BODY_READ, Boolean.TRUE);
    }

    @ServerResponseFilter
    public void closeWhenTheBodyIsUnread(ContainerResponseContext response, RoutingContext exchange) {
        if (hasBody(exchange.request()) && exchange.get(BODY_READ) == null) {
            ConnectionClose.afterThisAnswer(response, exchange);
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || length != null && !length.trim().equals("0");
    }
}
