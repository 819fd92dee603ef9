package io.duckforge.access;

import io.duckforge.schema.UnknownSchemaException;

/**
 * A dataset the caller may not read at all is answered exactly as one that does not exist (404), so that names of
 * datasets do not leak to callers who may not see them.
 */
public class DatasetHiddenException extends UnknownSchemaException {

    public DatasetHiddenException(String dataset) {
        super(dataset);
    }
}
