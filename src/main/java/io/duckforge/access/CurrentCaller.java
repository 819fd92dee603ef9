package io.duckforge.access;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request in progress, as {@link AccessFilter} established it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.UNAUTHENTICATED;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        return caller;
    }
}
