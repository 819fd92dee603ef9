package io.duckforge.observability;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every API request carries one id, from the caller's {@code X-Request-Id} (a proxy's) when it is a plain token, else
 * made here; it is answered in {@code X-Request-Id}, written by the access log ({@code %{o,X-Request-Id}}), put in the
 * audit lines and, as {@code request_id}, in the MDC of the request's log lines. One route ahead of all others sets it,
 * so that a request refused early (401, 413, 503) is traceable too.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final String KEY = "duckforge.request-id";
    /** What a proxy's id looks like (a UUID, a hex or base64 token); anything else is replaced, never logged. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext request) {
        String sent = request.request().getHeader(HEADER);
        String id = sent != null && ACCEPTED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        request.put(KEY, id);
        request.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        request.addEndHandler(done -> MDC.remove(MDC_KEY));
        request.next();
    }

    /** The id of the request being served. */
    public static String of(RoutingContext request) {
        Object id = request.get(KEY);
        return id == null ? "-" : id.toString();
    }
}
