package io.duckforge.api;

import io.duckforge.DuckForgeConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bodies read whole before they are used (a record, a schema, a migration, a query) may carry at most
 * {@code duckforge.requests.max-body-bytes}: without it, one 30 MB record would be held in memory and stored. Bulk
 * bodies are read by the resource as a stream, with their own, larger limit ({@code duckforge.bulk.max-body-bytes}).
 */
@Provider
public class RequestBodyLimit implements ReaderInterceptor {

    // Looked up per body: interceptors are built while the application is assembled, before configuration exists.
    private final jakarta.inject.Provider<DuckForgeConfig> config;
    private final jakarta.inject.Provider<CurrentVertxRequest> exchange;

    public RequestBodyLimit(jakarta.inject.Provider<DuckForgeConfig> config, jakarta.inject.Provider<CurrentVertxRequest> exchange) {
        this.config = config;
        this.exchange = exchange;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() == InputStream.class) {
            return context.proceed();
        }
        long maxBytes = config.get().requests().maxBodyBytes();
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxBytes) {
            throw LimitedInputStream.tooLarge(LimitedInputStream.REQUEST_BODY, maxBytes);
        }
        context.setInputStream(new LimitedInputStream(context.getInputStream(), maxBytes, LimitedInputStream.REQUEST_BODY,
                UnreadBodyConnectionClose.markBodyRead(exchange.get().getCurrent())));
        return context.proceed();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP layer has already refused a malformed length; reading enforces the limit anyway
        }
    }
}
