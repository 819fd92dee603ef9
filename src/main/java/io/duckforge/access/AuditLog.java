package io.duckforge.access;

import io.duckforge.observability.RequestIds;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One line per change that matters to whoever must later say who did what: schema declarations, migrations, drops,
 * deletes by filter and backups, each with the principal, action, dataset, outcome and request id, on the logger
 * {@code duckforge.audit} (route it apart with Quarkus' log handlers). Values are also in the MDC, for JSON logs.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("duckforge.audit");

    private final CurrentCaller caller;
    private final CurrentVertxRequest exchange;

    public AuditLog(CurrentCaller caller, CurrentVertxRequest exchange) {
        this.caller = caller;
        this.exchange = exchange;
    }

    /** Runs {@code action} and logs its outcome, failed or not. */
    public <T> T record(String action, String dataset, java.util.function.Supplier<T> work) {
        try {
            T result = work.get();
            write(action, dataset, "success");
            return result;
        } catch (RuntimeException e) {
            write(action, dataset, "failure: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    private void write(String action, String dataset, String outcome) {
        String principal = caller.get().name();
        String requestId = RequestIds.of(exchange.getCurrent());
        MDC.put("principal", principal);
        MDC.put("action", action);
        MDC.put("dataset", dataset);
        MDC.put("outcome", outcome);
        try {
            LOG.infof("principal=%s action=%s dataset=%s outcome=%s request_id=%s", principal, action, dataset, outcome, requestId);
        } finally {
            for (String key : new String[]{"principal", "action", "dataset", "outcome"}) {
                MDC.remove(key);
            }
        }
    }
}
