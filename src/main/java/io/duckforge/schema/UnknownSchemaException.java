package io.duckforge.schema;

/** A request named a dataset that is not declared; answered 404. */
public class UnknownSchemaException extends RuntimeException {

    public UnknownSchemaException(String schemaName) {
        super("No dataset named '" + schemaName + "' is declared");
    }
}
