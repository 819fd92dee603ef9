package io.duckforge.store;

import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;
import org.apache.arrow.flatbuf.Message;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Checks the sizes an Arrow IPC stream declares before Arrow's reader sees them. The reader allocates a message's
 * metadata and body at the sizes the stream states, so a 72-byte body declaring a gigabyte would get one. Each
 * declared size must fit in what is left of the body's real length; the guard reads the framing (a length prefix,
 * optionally after the {@code 0xFFFFFFFF} continuation marker, the metadata, then the body it declares) as the bytes
 * pass and refuses a size before handing on the bytes that carry it.
 */
final class ArrowFrameGuard extends FilterInputStream {

    private static final int CONTINUATION = 0xFFFFFFFF;

    private enum Part { PREFIX, METADATA, BODY, END }

    private final long length;
    private long position;
    private Part part = Part.PREFIX;
    private final ByteBuffer prefix = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer metadata;
    private long bodyLeft;

    /** @param length the body's real length in bytes */
    ArrowFrameGuard(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = super.read(buffer, offset, count);
        for (int i = 0; i < n; i++) {
            accept(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Every byte must pass through accept(); skipping would lose the framing.
        return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    private void accept(byte b) {
        position++;
        switch (part) {
            case PREFIX -> {
                prefix.put(b);
                if (!prefix.hasRemaining()) {
                    int value = prefix.flip().getInt();
                    prefix.clear();
                    if (value != CONTINUATION) {
                        startMetadata(value);
                    }
                }
            }
            case METADATA -> {
                metadata.put(b);
                if (!metadata.hasRemaining()) {
                    startBody(Message.getRootAsMessage(metadata.flip()).bodyLength());
                }
            }
            case BODY -> {
                if (--bodyLeft == 0) {
                    part = Part.PREFIX;
                }
            }
            case END -> {
            }
        }
    }

    private void startMetadata(int size) {
        if (size == 0) {
            part = Part.END;
            return;
        }
        requireWithinBody(size, "message metadata");
        metadata = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        part = Part.METADATA;
    }

    private void startBody(long size) {
        requireWithinBody(size, "message body");
        metadata = null;
        bodyLeft = size;
        part = size == 0 ? Part.PREFIX : Part.BODY;
    }

    private void requireWithinBody(long size, String what) {
        if (size < 0 || size > length - position) {
            throw new ValidationException(FieldError.of("body", "the Arrow stream declares a " + what + " of " + size
                    + " bytes, more than the rest of the body holds"));
        }
    }
}
