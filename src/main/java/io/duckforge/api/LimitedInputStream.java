package io.duckforge.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed a number of bytes. Bodies are read as they arrive, often without a
 * Content-Length, so the limit is enforced while reading; passing it fails the request with 413 before anything is
 * written (a bulk write is all-or-nothing, and other bodies are read whole before they are used).
 */
final class LimitedInputStream extends FilterInputStream {

    static final String BULK_BODY = "A bulk body";
    static final String REQUEST_BODY = "A request body";

    private final long limit;
    private final String kind;
    private final Runnable atEnd;
    private long read;

    /**
     * @param kind  what the body is, for the 413's detail: {@link #BULK_BODY} or {@link #REQUEST_BODY}
     * @param atEnd run when the body has been read to its end
     */
    LimitedInputStream(InputStream in, long limit, String kind, Runnable atEnd) {
        super(in);
        this.limit = limit;
        this.kind = kind;
        this.atEnd = atEnd;
    }

    @Override
    public int read() throws IOException {
        int b = received(() -> super.read());
        if (b >= 0) {
            count(1);
        } else {
            atEnd.run();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = received(() -> super.read(buffer, offset, length));
        if (n > 0) {
            count(n);
        } else if (n < 0) {
            atEnd.run();
        }
        return n;
    }

    static RequestTooLargeException tooLarge(String kind, long limit) {
        return new RequestTooLargeException(kind + " takes at most " + limit + " bytes; nothing was written");
    }

    /**
     * Leaves the request's own stream open: closing it reads the rest of the body first, so a request refused before
     * its end (a bad first row, no connection free) would wait for a stalled client, holding its worker thread and
     * never sending the refusal. {@link UnreadBodyConnectionClose} closes such a connection behind the answer.
     */
    @Override
    public void close() {
    }

    /** Whether the body went over the limit: a reader that swallows the exception (a native one) can still tell. */
    boolean exceeded() {
        return read > limit;
    }

    /** A failure to read the request is the client's: it went silent past the read timeout, or hung up. */
    private static int received(BodyRead read) throws BodyNotReceivedException {
        try {
            return read.next();
        } catch (BodyNotReceivedException e) {
            throw e;
        } catch (IOException e) {
            throw new BodyNotReceivedException(e);
        }
    }

    @FunctionalInterface
    private interface BodyRead {
        int next() throws IOException;
    }

    private void count(long bytes) {
        read += bytes;
        if (read > limit) {
            throw tooLarge(kind, limit);
        }
    }
}
