package io.duckforge.store;

import java.io.IOException;

/** Receives streamed records one at a time; an {@link IOException} (a client gone) stops and cancels the query. */
@FunctionalInterface
public interface RecordSink {

    void accept(StoredRecord record) throws IOException;
}
