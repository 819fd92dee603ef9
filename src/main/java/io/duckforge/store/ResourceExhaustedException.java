package io.duckforge.store;

/**
 * The database ran out of something the request needed: memory (answered 503, worth a retry once other work is
 * done) or disk (507, Insufficient Storage, until an operator frees space). Nothing was written.
 */
public class ResourceExhaustedException extends RuntimeException {

    /** What ran out, with the status that says so. */
    public enum Resource {
        MEMORY(503, "The database ran out of memory for this request; nothing was written. Retry later, or ask for less "
                + "(fewer rows, no sort, a smaller body)"),
        DISK(507, "The database ran out of disk space; nothing was written. Reads go on; writes need space freed");

        private final int status;
        private final String detail;

        Resource(int status, String detail) {
            this.status = status;
            this.detail = detail;
        }

        public int status() {
            return status;
        }
    }

    private final Resource resource;

    public ResourceExhaustedException(Resource resource, Throwable cause) {
        super(resource.detail, cause);
        this.resource = resource;
    }

    public Resource resource() {
        return resource;
    }
}
