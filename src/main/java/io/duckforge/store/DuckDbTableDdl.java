package io.duckforge.store;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.duckforge.query.RecordSqlBuilder.quoted;

/** The DDL of a dataset's table and indexes; every statement is idempotent so startup can re-run it. */
final class DuckDbTableDdl {

    static final String SYSTEM_COLUMNS = "\"id\", \"created_at\", \"updated_at\", \"version\"";

    private DuckDbTableDdl() {
    }

    static List<String> createStatements(DatasetSchema schema) {
        List<String> statements = new ArrayList<>();
        statements.add(createTable(schema, schema.name()));
        statements.addAll(indexes(schema).values());
        return statements;
    }

    /** The table of {@code schema} under {@code tableName}; a migration builds the new table beside the old one. */
    static String createTable(DatasetSchema schema, String tableName) {
        StringBuilder table = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(quoted(tableName)).append(" (")
                .append("\"id\" UUID PRIMARY KEY, ")
                .append("\"created_at\" TIMESTAMPTZ NOT NULL, ")
                .append("\"updated_at\" TIMESTAMPTZ NOT NULL, ")
                .append("\"version\" BIGINT NOT NULL");
        for (PropertyDefinition property : schema.properties()) {
            table.append(", ").append(columnDefinition(property));
        }
        return table.append(')').toString();
    }

    /** A property's column: quoted name, type, and NOT NULL when required. */
    static String columnDefinition(PropertyDefinition property) {
        return quoted(property.name()) + ' ' + DuckDbTypes.columnType(property.type()) + (property.required() ? " NOT NULL" : "");
    }

    /** The dataset's indexes by name: a unique property gets a unique index, an indexed one a plain index. */
    static Map<String, String> indexes(DatasetSchema schema) {
        Map<String, String> indexes = new LinkedHashMap<>();
        for (PropertyDefinition property : schema.properties()) {
            if (property.unique() || property.indexed()) {
                String name = indexName(schema, property, property.unique() ? "key" : "idx");
                indexes.put(name, "CREATE " + (property.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + quoted(name)
                        + " ON " + quoted(schema.name()) + " (" + quoted(property.name()) + ")");
            }
        }
        return indexes;
    }

    // Index names share one namespace per DuckDB schema; a dot cannot occur in dataset or property names, so
    // "dataset.property.idx" never collides across datasets.
    private static String indexName(DatasetSchema schema, PropertyDefinition property, String suffix) {
        return schema.name() + "." + property.name() + "." + suffix;
    }
}
