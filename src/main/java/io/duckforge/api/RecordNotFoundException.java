package io.duckforge.api;

import java.util.UUID;

/** No record with the requested id in the dataset; answered 404. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String schemaName, UUID id) {
        super("No record " + id + " in dataset '" + schemaName + "'");
    }
}
