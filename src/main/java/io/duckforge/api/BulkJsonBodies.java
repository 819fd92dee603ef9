package io.duckforge.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;

import java.io.IOException;

/**
 * The JSON shapes of a bulk body, read as a token stream: a bare array of rows, or the
 * {@code {"schema_name": ..., "data": [...]}} envelope, whose keys each appear once and nothing else.
 */
final class BulkJsonBodies {

    /** Writes the rows of an envelope once its dataset is known. */
    @FunctionalInterface
    interface RowsWriter {
        long write(String schemaName, BulkIngest.RowSource rows, BulkIngest.BodyEnd endOfBody) throws IOException;
    }

    private BulkJsonBodies() {
    }

    /** Reads an envelope; with {@code schema_name} first its rows stream, else {@code data} is buffered first. */
    static long envelope(JsonParser parser, ObjectMapper rowMapper, RowsWriter writer) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ValidationException(FieldError.of("", "expected {\"schema_name\": ..., \"data\": [...]}"));
        }
        String schemaName = null;
        JsonNode bufferedData = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "schema_name" -> {
                    if (schemaName != null) {
                        throw duplicateKey(key);
                    }
                    schemaName = schemaName(parser, value);
                }
                case "data" -> {
                    if (bufferedData != null) {
                        throw duplicateKey(key);
                    }
                    expectArray(value, "data");
                    if (schemaName != null) {
                        return writer.write(schemaName, arrayRows(parser), () -> expectEnvelopeEnd(parser));
                    }
                    bufferedData = rowMapper.readTree(parser);
                }
                default -> throw unknownKey(key);
            }
        }
        expectEnd(parser);
        if (schemaName == null) {
            throw new ValidationException(FieldError.of("schema_name", "the dataset name is required"));
        }
        if (bufferedData == null) {
            throw new ValidationException(FieldError.of("data", "a JSON array of records is required"));
        }
        try (JsonParser buffered = rowMapper.treeAsTokens(bufferedData)) {
            buffered.nextToken();
            return writer.write(schemaName, arrayRows(buffered), () -> { });
        }
    }

    /** The elements of the array the parser stands at the start of. */
    static BulkIngest.RowSource arrayRows(JsonParser parser) {
        return () -> parser.nextToken() == JsonToken.END_ARRAY ? null : parser.readValueAsTree();
    }

    static void expectArray(JsonToken token, String what) {
        if (token != JsonToken.START_ARRAY) {
            throw new ValidationException(FieldError.of("data", what + " must be a JSON array of records"));
        }
    }

    static void expectEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new ValidationException(FieldError.of("", "unexpected content after the end of the JSON body"));
        }
    }

    private static String schemaName(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new ValidationException(FieldError.of("schema_name", "expected the dataset name as a string"));
        }
        return parser.getText();
    }

    /** After a streamed {@code data}: both keys are taken, so any further key is refused, then the body must end. */
    private static void expectEnvelopeEnd(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            throw key.equals("schema_name") || key.equals("data") ? duplicateKey(key) : unknownKey(key);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new ValidationException(FieldError.of("", "expected the end of the envelope object"));
        }
        expectEnd(parser);
    }

    private static ValidationException duplicateKey(String key) {
        return new ValidationException(FieldError.of(key, "'" + key + "' appears more than once; nothing was written"));
    }

    private static ValidationException unknownKey(String key) {
        return new ValidationException(FieldError.of(key, "unknown key; expected schema_name and data"));
    }
}
