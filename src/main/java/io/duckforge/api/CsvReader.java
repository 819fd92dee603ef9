package io.duckforge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records one at a time, by jackson-dataformat-csv: RFC 4180 quoting (doubled quotes, separators and line breaks
 * inside quotes), CRLF or LF line ends. The separator is {@code ,} or, as spreadsheets write it in many locales,
 * {@code ;}: whichever the header row uses (property names contain neither). An unquoted empty field reads as
 * {@code null}, a quoted one as {@code ""}.
 */
final class CsvReader {

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL)
            .build();
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    private final CsvParser parser;

    CsvReader(BufferedReader in) throws IOException {
        char separator = separator(in);
        this.parser = FACTORY.createParser(in);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
    }

    /** @return the next record's fields, or {@code null} at the end of the input */
    List<String> next() throws IOException {
        try {
            // Without columns in its schema the parser exposes each record as an array of its fields.
            if (parser.nextToken() == null) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null; token = parser.nextToken()) {
                fields.add(token == JsonToken.VALUE_NULL ? null : parser.getText());
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new ValidationException(FieldError.of("body", "malformed CSV: " + e.getOriginalMessage()));
        }
    }

    /** The first {@code ,} or {@code ;} of the header row; a one-column header has neither and needs none. */
    private static char separator(BufferedReader in) throws IOException {
        in.mark(HEADER_LOOKAHEAD);
        try {
            for (int i = 0, c = in.read(); i < HEADER_LOOKAHEAD && c >= 0 && c != '\n' && c != '\r'; i++, c = in.read()) {
                if (c == ',' || c == ';') {
                    return (char) c;
                }
            }
            return ',';
        } finally {
            in.reset();
        }
    }
}
