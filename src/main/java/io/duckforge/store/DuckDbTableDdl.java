package io.duckforge.store;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;

import java.util.ArrayList;
import java.util.List;

import static io.duckforge.query.RecordSqlBuilder.quoted;

/** The DDL of a dataset's table and indexes; every statement is idempotent so startup can re-run it. */
final class DuckDbTableDdl {

    private DuckDbTableDdl() {
    }

    static List<String> createStatements(DatasetSchema schema) {
        List<String> statements = new ArrayList<>();
        StringBuilder table = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(quoted(schema.name())).append(" (")
                .append("\"id\" UUID PRIMARY KEY, ")
                .append("\"created_at\" TIMESTAMPTZ NOT NULL, ")
                .append("\"updated_at\" TIMESTAMPTZ NOT NULL, ")
                .append("\"version\" BIGINT NOT NULL");
        for (PropertyDefinition property : schema.properties()) {
            table.append(", ").append(quoted(property.name())).append(' ').append(DuckDbTypes.columnType(property.type()));
            if (property.required()) {
                table.append(" NOT NULL");
            }
        }
        statements.add(table.append(')').toString());
        for (PropertyDefinition property : schema.properties()) {
            if (property.unique()) {
                statements.add("CREATE UNIQUE INDEX IF NOT EXISTS " + indexName(schema, property, "key")
                        + " ON " + quoted(schema.name()) + " (" + quoted(property.name()) + ")");
            } else if (property.indexed()) {
                statements.add("CREATE INDEX IF NOT EXISTS " + indexName(schema, property, "idx")
                        + " ON " + quoted(schema.name()) + " (" + quoted(property.name()) + ")");
            }
        }
        return statements;
    }

    // Index names share one namespace per DuckDB schema; a dot cannot occur in dataset or property names, so
    // "dataset.property.idx" never collides across datasets.
    private static String indexName(DatasetSchema schema, PropertyDefinition property, String suffix) {
        return quoted(schema.name() + "." + property.name() + "." + suffix);
    }
}
