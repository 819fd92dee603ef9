package io.duckforge.access;

/** The caller is known but lacks a grant: 403, naming the grant. */
public class AccessDeniedException extends RuntimeException {

    private final String missingGrant;

    public AccessDeniedException(String missingGrant) {
        super("This needs the grant '" + missingGrant + "'");
        this.missingGrant = missingGrant;
    }

    public String missingGrant() {
        return missingGrant;
    }
}
