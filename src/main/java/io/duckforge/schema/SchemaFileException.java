package io.duckforge.schema;

/** A schema file that cannot be applied; it stops startup, and its message names the file and the problem. */
public class SchemaFileException extends RuntimeException {

    public SchemaFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaFileException(String message) {
        super(message);
    }
}
