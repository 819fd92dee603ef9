package io.duckforge.access;

/** No credentials, or credentials that do not verify: 401 with {@code WWW-Authenticate: Bearer}. */
public class AuthenticationFailedException extends RuntimeException {

    private final boolean credentialsPresented;

    public AuthenticationFailedException(String message, boolean credentialsPresented) {
        super(message);
        this.credentialsPresented = credentialsPresented;
    }

    /** False when nothing was presented (RFC 6750: no error code then), true when what was presented failed. */
    public boolean credentialsPresented() {
        return credentialsPresented;
    }
}
