package io.duckforge.store;

import java.io.IOException;

/** Receives a stream's rendered lines one at a time, as UTF-8 with their terminators; an {@link IOException} (a client gone) stops and cancels the query. */
@FunctionalInterface
public interface LineSink {

    void accept(byte[] line) throws IOException;
}
