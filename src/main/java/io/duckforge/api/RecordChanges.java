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

    StoredRecord replace(DatasetSchema schema, UUID id, JsonNode data, OptionalLong ifMatch) {
        Map<String, Object> values = RecordValidator.validate(schema, data);
        return store.update(schema, id, values, ifMatch).orElseThrow(() -> new RecordNotFoundException(schema.name(), id));
    }

    /** RFC 7396 merge of {@code patch} into the record's data, one level deep: a key replaces, {@code null} clears. */
    StoredRecord patch(DatasetSchema schema, UUID id, JsonNode patch, OptionalLong ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw new ValidationException(FieldError.of("data", "a patch must be a JSON object"));
        }
        for (int attempt = 1; ; attempt++) {
            StoredRecord current = store.findById(schema, id).orElseThrow(() -> new RecordNotFoundException(schema.name(), id));
            long readVersion = current.version();
            if (ifMatch.isPresent() && ifMatch.getAsLong() != readVersion) {
                throw new VersionMismatchException(ifMatch.getAsLong(), readVersion);
            }
            ObjectNode merged = mapper.valueToTree(current.data());
            patch.fields().forEachRemaining(entry -> merged.set(entry.getKey(), entry.getValue()));
            Map<String, Object> values = RecordValidator.validate(schema, merged);
            try {
                return store.update(schema, id, values, OptionalLong.of(readVersion))
                        .orElseThrow(() -> new RecordNotFoundException(schema.name(), id));
            } catch (VersionMismatchException e) {
                if (ifMatch.isPresent()) {
                    throw e;
                }
                if (attempt == PATCH_ATTEMPTS) {
                    throw new WriteConflictException("Concurrent writers kept changing the record; retry the request", e);
                }
            }
        }
    }

    void delete(DatasetSchema schema, UUID id, OptionalLong ifMatch) {
        if (!store.delete(schema, id, ifMatch)) {
            throw new RecordNotFoundException(schema.name(), id);
        }
    }
}
