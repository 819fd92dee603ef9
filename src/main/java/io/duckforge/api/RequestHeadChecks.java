package io.duckforge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.schema.FieldError;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;

/**
 * The request line and headers, checked before any resource sees them, so that a URL too long (414) or headers too
 * large (431) are answered as problem+json like every other error. The HTTP
 * decoder's own limits stay four times higher, as a last guard: past them Vert.x answers with an empty body before any
 * route runs, and Quarkus offers no hook to shape that answer (docs/api.md, "Limits").
 */
@ApplicationScoped
public class RequestHeadChecks {

    /** The request line a client may send: an {@code in} filter of a few thousand values fits (docs/api.md). */
    static final int MAX_REQUEST_LINE = 64 * 1024;
    /** All header names and values together, as Quarkus' own default limit. */
    static final int MAX_HEADERS = 20 * 1024;

    private final ObjectMapper mapper;

    public RequestHeadChecks(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (request.method().name().length() + uri.length() + 10 > MAX_REQUEST_LINE) {
            refuse(context, 414, "uri-too-long", "URI Too Long", "The request line is over " + MAX_REQUEST_LINE
                    + " bytes; send long queries in a body (POST /api/v1/records/{schema}/query)", "uri");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            refuse(context, 431, "headers-too-large", "Request Header Fields Too Large",
                    "The headers are over " + MAX_HEADERS + " bytes together", "headers");
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail, String field) {
        Problem problem = new Problem("urn:duckforge:problem:" + slug, title, status, detail, context.request().path(),
                List.of(FieldError.of(field, detail)));
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of an oversized request (a body after it) is not read: the connection closes behind the answer.
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
