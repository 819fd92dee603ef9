package io.duckforge.api;

import io.duckforge.store.StoredRecord;

import java.io.IOException;

/** Writes streamed records in one format: a start, one call per record, an end (or a failure after the start). */
interface RecordWriter {

    void write(StoredRecord record) throws IOException;

    void end() throws IOException;

    /**
     * Marks the output as failed after bytes have left, where the format can say so; the response is then
     * aborted without its final chunk either way.
     */
    void fail(Problem problem) throws IOException;
}
