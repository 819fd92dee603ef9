package io.duckforge.api;

import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;

/** 501: Arrow's memory layer cannot start in this JVM (see docs/decisions/0008-arrow-and-the-add-opens-flag.md). */
final class ArrowUnavailableException extends ServerErrorException {

    ArrowUnavailableException() {
        super("Arrow needs the JVM flag --add-opens=java.base/java.nio=ALL-UNNAMED", Response.Status.NOT_IMPLEMENTED);
    }
}
