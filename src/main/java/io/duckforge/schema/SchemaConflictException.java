package io.duckforge.schema;

/** A dataset with the requested name already exists; answered 409. */
public class SchemaConflictException extends RuntimeException {

    public SchemaConflictException(String schemaName) {
        super("A dataset named '" + schemaName + "' is already declared");
    }
}
