package io.duckforge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.query.TextFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a line-oriented stream: an optional header, the terminated lines the database rendered, and where the
 * format can say so, a last line marking a failure after the start.
 */
final class TextStreamWriter {

    private final OutputStream out;
    private final ObjectMapper errorMapper;

    private TextStreamWriter(OutputStream out, ObjectMapper errorMapper) {
        this.out = out;
        this.errorMapper = errorMapper;
    }

    /** @param columns the CSV header: the export's columns, system columns first, in the order the lines have them */
    static TextStreamWriter start(TextFormat format, OutputStream out, ObjectMapper mapper, List<String> columns)
            throws IOException {
        return switch (format) {
            case NDJSON -> new TextStreamWriter(out, mapper);
            case CSV -> {
                // CSV has no in-band error, so a failure is only the aborted response.
                TextStreamWriter writer = new TextStreamWriter(out, null);
                writer.line((String.join(",", columns) + "\r\n").getBytes(StandardCharsets.UTF_8));
                yield writer;
            }
        };
    }

    void line(byte[] line) throws IOException {
        out.write(line);
    }

    void end() throws IOException {
        out.flush();
    }

    /** NDJSON ends with {@code {"error": {problem}}}: no record envelope has an {@code error} key, so it cannot be mistaken. */
    void fail(Problem problem) throws IOException {
        if (errorMapper != null) {
            out.write(errorMapper.writeValueAsBytes(Map.of("error", problem)));
            out.write('\n');
        }
        out.flush();
    }
}
