package io.duckforge.schema;

/**
 * A schema file that cannot be applied; it stops startup, and its message names the file and the problem. It carries
 * no stack trace: the operator needs the message, not the service's call chain.
 */
public class SchemaFileException extends RuntimeException {

    public SchemaFileException(String message) {
        super(message, null, false, false);
    }
}
