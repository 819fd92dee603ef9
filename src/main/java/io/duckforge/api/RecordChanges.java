package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.RecordValidator;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.DatasetStore;
import io.duckforge.store.StoredRecord;
import io.duckforge.store.VersionMismatchException;
import io.duckforge.store.WriteConflictException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.OptionalLong;
import java.io.StringReader;
import jakarta.json.Json;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.UUID;

/**
 * Changes to one record: replace, merge-patch, delete, each optionally conditional on the version the client read
 * ({@code If-Match}). A change without {@code If-Match} still never loses a concurrent one: a patch is merged into
 * the version it read and written only if that version is still current, else merged again.
 */
@ApplicationScoped
public class RecordChanges {

    static final int PATCH_ATTEMPTS = 4;

    private final DatasetStore store;
    private final ObjectMapper mapper;

    public RecordChanges(DatasetStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    StoredRecord replace(DatasetSchema schema, UUID id, JsonNode data, IfMatch ifMatch) {
        Map<String, Object> values = RecordValidator.validate(schema, data);
        return store.update(schema, id, values, ifMatch.expected(() -> currentVersion(schema, id)))
                .orElseThrow(() -> new RecordNotFoundException(schema.name(), id));
    }

    /**
     * RFC 7396 merge of {@code patch} into the record's data: a key replaces, an object merges into a json property's
     * object, a nested {@code null} removes that key, and a top-level {@code null} clears the property (rather than
     * dropping it, which would bring its default back).
     */
    StoredRecord patch(DatasetSchema schema, UUID id, JsonNode patch, IfMatch ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw new ValidationException(FieldError.of("data", "a patch must be a JSON object"));
        }
        for (int attempt = 1; ; attempt++) {
            StoredRecord current = store.findById(schema, id).orElseThrow(() -> new RecordNotFoundException(schema.name(), id));
            long readVersion = current.version();
            OptionalLong expected = ifMatch.expected(() -> readVersion);
            if (expected.isPresent() && expected.getAsLong() != readVersion) {
                throw new VersionMismatchException(expected.getAsLong(), readVersion);
            }
            ObjectNode merged = merge(current.data(), patch);
            Map<String, Object> values = RecordValidator.validate(schema, merged);
            try {
                return store.update(schema, id, values, OptionalLong.of(readVersion))
                        .orElseThrow(() -> new RecordNotFoundException(schema.name(), id));
            } catch (VersionMismatchException e) {
                if (expected.isPresent()) {
                    throw e;
                }
                if (attempt == PATCH_ATTEMPTS) {
                    throw new WriteConflictException("Concurrent writers kept changing the record; retry the request", e);
                }
            }
        }
    }

    /** By JSON-P's {@link JsonMergePatch}, through text: a record is small, and the RFC's corner cases are its job. */
    private ObjectNode merge(Map<String, Object> data, JsonNode patch) {
        try (JsonReader target = Json.createReader(new StringReader(mapper.writeValueAsString(data)));
             JsonReader changes = Json.createReader(new StringReader(patch.toString()))) {
            JsonMergePatch mergePatch = Json.createMergePatch(changes.readValue());
            ObjectNode merged = (ObjectNode) mapper.readTree(mergePatch.apply(target.readValue()).toString());
            patch.fields().forEachRemaining(entry -> {
                if (entry.getValue().isNull()) {
                    merged.putNull(entry.getKey());
                }
            });
            return merged;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored record did not serialize", e);
        }
    }

    void delete(DatasetSchema schema, UUID id, IfMatch ifMatch) {
        if (!store.delete(schema, id, ifMatch.expected(() -> currentVersion(schema, id)))) {
            throw new RecordNotFoundException(schema.name(), id);
        }
    }

    private long currentVersion(DatasetSchema schema, UUID id) {
        return store.findById(schema, id).orElseThrow(() -> new RecordNotFoundException(schema.name(), id)).version();
    }
}
