package io.duckforge.api;

import io.duckforge.store.DiskSpace;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Refuses every request that writes (507) while the database's disk is short of space, before it starts; reads,
 * including queries and aggregates sent in a body, go on.
 */
public class DiskSpaceFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DiskSpace disk;

    public DiskSpaceFilter(DiskSpace disk) {
        this.disk = disk;
    }

    @ServerRequestFilter
    public void refuseWritesWhileShortOfSpace(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod()) && !ReadsInABody.matches(request.getMethod(), request.getUriInfo().getPath())) {
            disk.requireRoomToWrite();
        }
    }
}
