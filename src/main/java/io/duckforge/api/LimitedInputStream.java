package io.duckforge.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed a number of bytes. Bulk bodies are read as they arrive, often without a
 * Content-Length, so the limit is enforced while reading; passing it fails the request with 413 and, since the
 * write is all-or-nothing, writes nothing.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    static RequestTooLargeException tooLarge(long limit) {
        return new RequestTooLargeException("A bulk body takes at most " + limit + " bytes; nothing was written");
    }

    /** Whether the body went over the limit: a reader that swallows the exception (a native one) can still tell. */
    boolean exceeded() {
        return read > limit;
    }

    private void count(long bytes) {
        read += bytes;
        if (read > limit) {
            throw tooLarge(limit);
        }
    }
}
