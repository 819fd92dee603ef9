package io.duckforge.store;

/** A conditional change named a version the record no longer has; answered 412 and nothing was changed. */
public class VersionMismatchException extends RuntimeException {

    private final long currentVersion;

    public VersionMismatchException(long expectedVersion, long currentVersion) {
        this("The record", expectedVersion, currentVersion);
    }

    /** @param subject what has the version, e.g. {@code The record} or {@code Dataset 'meters'} */
    public VersionMismatchException(String subject, long expectedVersion, long currentVersion) {
        super(subject + " is at version " + currentVersion + ", not " + expectedVersion + "; nothing was changed");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
