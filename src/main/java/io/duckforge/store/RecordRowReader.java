package io.duckforge.store;

import io.duckforge.query.RecordSqlBuilder;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the current row of a result selected with {@link RecordSqlBuilder#selectedColumns} into a {@link StoredRecord}. */
final class RecordRowReader {

    private RecordRowReader() {
    }

    static StoredRecord read(ResultSet row, DatasetSchema schema, List<String> fields) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        for (PropertyDefinition property : schema.selectedProperties(fields)) {
            data.put(property.name(), DuckDbValues.read(row, property.name(), property.type()));
        }
        return new StoredRecord(
                (UUID) DuckDbValues.read(row, "id", PropertyType.UUID),
                schema.name(),
                data,
                (OffsetDateTime) DuckDbValues.read(row, "created_at", PropertyType.DATETIME),
                (OffsetDateTime) DuckDbValues.read(row, "updated_at", PropertyType.DATETIME),
                row.getLong("version"));
    }
}
