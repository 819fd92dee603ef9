package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckforge.store.StoredRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, then one flat row per record with the system columns first. Fields holding a comma,
 * quote, CR or LF are quoted, quotes doubled; null is an empty field and an empty string {@code ""}; json values are
 * their compact JSON text.
 */
final class CsvRecordWriter implements RecordWriter {

    private static final String SYSTEM_COLUMNS = "id,created_at,updated_at,version";

    private final Writer out;

    CsvRecordWriter(OutputStream stream, List<String> properties) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write(SYSTEM_COLUMNS);
        for (String property : properties) {
            out.write(',');
            out.write(property);
        }
        out.write("\r\n");
    }

    @Override
    public void write(StoredRecord record) throws IOException {
        out.write(record.id().toString());
        out.write(',');
        out.write(record.createdAt().toString());
        out.write(',');
        out.write(record.updatedAt().toString());
        out.write(',');
        out.write(Long.toString(record.version()));
        for (Object value : record.data().values()) {
            out.write(',');
            if (value != null) {
                field(value instanceof JsonNode json ? json.toString() : value.toString());
            }
        }
        out.write("\r\n");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    /** CSV has no way to say so in-band; the aborted response (no final chunk) is the signal. */
    @Override
    public void fail(Problem problem) throws IOException {
        out.flush();
    }

    // An empty string is quoted so that it reads back as "" and an empty field as null.
    private void field(String text) throws IOException {
        boolean quote = text.isEmpty();
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
