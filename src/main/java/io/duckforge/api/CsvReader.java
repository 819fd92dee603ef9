package io.duckforge.api;

import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An incremental RFC 4180 reader: one record at a time, quoted fields with doubled quotes, commas and line breaks
 * inside quotes, CRLF or LF line ends. An unquoted empty field reads as {@code null}, a quoted one as {@code ""}.
 */
final class CsvReader {

    private final Reader in;
    private int pending = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** @return the next record's fields, or {@code null} at the end of the input */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (c == '"' && field.isEmpty() && !quoted) {
                quoted = true;
                readQuoted(field);
                c = read();
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r' || c < 0) {
                fields.add(quoted || !field.isEmpty() ? field.toString() : null);
                field.setLength(0);
                quoted = false;
                if (c == ',') {
                    c = read();
                    continue;
                }
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        pending = next;
                    }
                }
                return fields;
            }
            if (quoted) {
                throw malformed("unexpected character after a closing quote");
            }
            field.append((char) c);
            c = read();
        }
    }

    private void readQuoted(StringBuilder field) throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                throw malformed("a quoted field is not closed");
            }
            if (c == '"') {
                int next = read();
                if (next != '"') {
                    pending = next;
                    return;
                }
            }
            field.append((char) c);
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    private static ValidationException malformed(String problem) {
        return new ValidationException(FieldError.of("body", "malformed CSV: " + problem));
    }
}
