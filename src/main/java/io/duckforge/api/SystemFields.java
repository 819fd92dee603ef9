package io.duckforge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.PropertyValueConverter;
import io.duckforge.schema.SystemColumn;
import io.duckforge.store.SystemValues;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Takes the system columns out of a bulk row so that a reloaded export keeps its identity: an NDJSON envelope line
 * ({@code {"id", "schema_name", "data", ...}}) or a flat row with {@code id}, {@code created_at}, {@code updated_at},
 * {@code version} keys. Valid values are kept; invalid ones are dropped and filled in by the store, as for Parquet.
 */
final class SystemFields {

    private SystemFields() {
    }

    /** @return the data object to validate; {@code system[0]} receives the system values found */
    static JsonNode split(JsonNode row, SystemValues[] system) {
        if (!(row instanceof ObjectNode object)) {
            system[0] = SystemValues.NONE;
            return row;
        }
        JsonNode data = object;
        if (object.path("data").isObject() && object.has("schema_name")) {
            data = object.get("data");
        } else if (!hasSystemKey(object)) {
            system[0] = SystemValues.NONE;
            return row;
        } else {
            data = object.deepCopy();
            for (SystemColumn column : SystemColumn.values()) {
                ((ObjectNode) data).remove(column.columnName());
            }
        }
        system[0] = new SystemValues(
                (UUID) valid(PropertyType.UUID, object.get("id")),
                (OffsetDateTime) valid(PropertyType.DATETIME, object.get("created_at")),
                (OffsetDateTime) valid(PropertyType.DATETIME, object.get("updated_at")),
                version(object.get("version")));
        return data;
    }

    private static boolean hasSystemKey(ObjectNode object) {
        for (SystemColumn column : SystemColumn.values()) {
            if (object.has(column.columnName())) {
                return true;
            }
        }
        return false;
    }

    private static Object valid(PropertyType type, JsonNode node) {
        try {
            return PropertyValueConverter.convert(type, node);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    private static Long version(JsonNode node) {
        Object version = valid(PropertyType.INTEGER, node);
        return version instanceof Long number && number >= 1 ? number : null;
    }
}
