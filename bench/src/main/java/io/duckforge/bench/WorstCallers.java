package io.duckforge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The callers a public service meets at its worst, each on a thread of its own until closed: uploads that send one
 * row of a bulk body and then nothing, readers that take a stream at 1 KB/s, and Arrow bodies of 72 bytes that
 * declare a 1 GiB message. Each starts over when answered, so the pressure lasts; the answers are counted by kind
 * and status.
 */
final class WorstCallers implements AutoCloseable {

    private static final byte[] OVERSIZED_ARROW = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(0xFFFFFFFF).putInt(1 << 30).array();

    private final int port;
    private final String dataset;
    private final String firstRow;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    private WorstCallers(int port, String dataset, String firstRow) {
        this.port = port;
        this.dataset = dataset;
        this.firstRow = firstRow;
    }

    /** @param firstRow the one NDJSON row a stalled upload sends (a valid row of {@code dataset}) */
    static WorstCallers start(int port, String dataset, String firstRow, int stalledUploads, int slowReaders,
                              int oversizedSenders) {
        WorstCallers callers = new WorstCallers(port, dataset, firstRow);
        for (int i = 0; i < stalledUploads; i++) {
            callers.spawn("stalled-upload-" + i, callers::stalledUpload);
        }
        for (int i = 0; i < slowReaders; i++) {
            callers.spawn("slow-reader-" + i, callers::slowReader);
        }
        for (int i = 0; i < oversizedSenders; i++) {
            callers.spawn("oversized-arrow-" + i, callers::oversizedArrow);
        }
        return callers;
    }

    /** Answers by caller kind and status, e.g. {@code stalled upload 503 -> 12}. */
    Map<String, Long> answers() {
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    private void spawn(String name, IoLoop loop) {
        Thread thread = new Thread(() -> {
            while (!stopped) {
                try {
                    loop.once();
                } catch (IOException e) {
                    if (!stopped) {
                        count(name.replaceAll("-\\d+$", "") + " connection error");
                    }
                }
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Declares a 100 MB NDJSON body, sends one row, then waits for an answer that only a refusal brings. */
    private void stalledUpload() throws IOException {
        Socket socket = open();
        try {
            send(socket, "POST /api/v1/records/" + dataset + "/bulk HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: 100000000\r\n\r\n" + firstRow + "\n");
            count("stalled upload " + status(socket.getInputStream()));
        } finally {
            release(socket);
        }
    }

    /** Asks for a whole stream, then reads 1 KB a second. */
    private void slowReader() throws IOException {
        Socket socket = open();
        try {
            socket.setReceiveBufferSize(4096);
            send(socket, "GET /api/v1/records/" + dataset + "/stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
            InputStream in = socket.getInputStream();
            String status = status(in);
            count("slow reader " + status);
            byte[] kilobyte = new byte[1024];
            while (!stopped && status.equals("200") && in.read(kilobyte) > 0) {
                LockSupport.parkNanos(1_000_000_000L);
            }
        } finally {
            release(socket);
        }
    }

    /** One request per connection: a refusal that leaves the body unread closes the connection behind it. */
    private void oversizedArrow() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            int status = connection.exchange(KeepAliveConnection.post(port, "/api/v1/records/" + dataset + "/bulk",
                    "application/vnd.apache.arrow.stream", OVERSIZED_ARROW));
            count("oversized arrow " + status);
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("localhost", port));
        return socket;
    }

    private void release(Socket socket) throws IOException {
        sockets.remove(socket);
        socket.close();
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The status code of the response's first line; "closed" when the connection ends first. */
    private static String status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return "closed";
            }
            line.append((char) c);
        }
        return line.length() >= 12 ? line.substring(9, 12) : "malformed";
    }

    private void count(String key) {
        answers.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    @Override
    public void close() throws Exception {
        stopped = true;
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    @FunctionalInterface
    private interface IoLoop {
        void once() throws IOException;
    }
}
