package io.duckforge.store;

/** A conditional change named a version the record no longer has; answered 412 and nothing was changed. */
public class VersionMismatchException extends RuntimeException {

    private final long currentVersion;

    public VersionMismatchException(long expectedVersion, long currentVersion) {
        super("The record is at version " + currentVersion + ", not " + expectedVersion + "; nothing was changed");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
