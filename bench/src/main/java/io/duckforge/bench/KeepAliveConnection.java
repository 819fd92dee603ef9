package io.duckforge.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends pre-encoded requests and reads each answer to its end, discarding the
 * body. It exists because the JDK's HttpClient spent about 1.3 ms of CPU per request here, more than the service:
 * on two shared cores the client, not the service, set the pace. This one costs tens of microseconds per request.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final Socket socket;
    private final BufferedOutputStream out;
    private final InputStream in;

    KeepAliveConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("localhost", port));
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    static byte[] get(int port, String path) {
        return get(port, path, "");
    }

    /** @param headers further header lines, each ending in CRLF */
    static byte[] get(int port, String path, String headers) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] postJson(int port, String path, byte[] body) {
        return post(port, path, "application/json", body);
    }

    static byte[] post(int port, String path, String contentType, byte[] body) {
        return post(port, path, contentType, "", body);
    }

    /** @param headers further header lines, each ending in CRLF */
    static byte[] post(int port, String path, String contentType, String headers, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType + "\r\n"
                + headers + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** What reads a response body, in the pieces it arrives in. */
    @FunctionalInterface
    interface BodyReader {
        void read(byte[] buffer, int length);
    }

    /** Sends one request and answers the status once the whole response has been read. */
    int exchange(byte[] request) throws IOException {
        return exchange(request, null);
    }

    /** The same, handing the body to {@code body}; null discards it. */
    int exchange(byte[] request, BodyReader body) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                transfer(size, body);
                line();
            }
            line();
        } else if (contentLength > 0) {
            transfer(contentLength, body);
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void transfer(long bytes, BodyReader body) throws IOException {
        if (body == null) {
            skip(bytes);
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        for (long left = bytes; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed");
            }
            body.read(buffer, n);
            left -= n;
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
