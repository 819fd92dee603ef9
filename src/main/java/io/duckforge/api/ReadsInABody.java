package io.duckforge.api;

/**
 * The POSTs that only read: a page query or an aggregate sent in a body because a URL would be too long. They write
 * nothing, so they go on while the disk is short of space and are described without write errors.
 */
final class ReadsInABody {

    private ReadsInABody() {
    }

    static boolean matches(String method, String path) {
        return "POST".equalsIgnoreCase(method) && (path.endsWith("/query") || path.endsWith("/aggregate"));
    }
}
