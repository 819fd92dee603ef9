package io.duckforge.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.aggregate.AggregateQuery;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.store.AggregateStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON answer of an aggregate: {@code {"schema_name", "groups": [...], "truncated"}}. The groups are the lines the
 * database rendered for an NDJSON stream of them, so that both carry the same values written the same way; one group
 * past the limit is asked for, to tell whether the limit cut the answer short.
 */
@ApplicationScoped
public class AggregateAnswers {

    private final AggregateStore store;
    private final ObjectMapper mapper;

    public AggregateAnswers(AggregateStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** @param query with a limit, which the parser sets for every JSON answer */
    byte[] answer(DatasetSchema schema, AggregateQuery query) {
        int limit = query.limit();
        List<byte[]> groups = store.aggregateLines(schema, query.withLimit(limit + 1));
        try {
            boolean truncated = groups.size() > limit;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (JsonGenerator json = mapper.getFactory().createGenerator(body)) {
                json.writeStartObject();
                json.writeStringField("schema_name", schema.name());
                json.writeArrayFieldStart("groups");
                for (byte[] line : groups.subList(0, Math.min(limit, groups.size()))) {
                    // Without its newline: each line is one JSON object the database wrote.
                    json.writeRawValue(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
                }
                json.writeEndArray();
                json.writeBooleanField("truncated", truncated);
                json.writeEndObject();
            }
            return body.toByteArray();
        } catch (IOException e) {
            // Only in-memory writes happen here.
            throw new UncheckedIOException(e);
        }
    }
}
