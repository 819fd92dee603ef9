package io.duckforge.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One problem with a client's input: the field it concerns, the row of a bulk body when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Long row, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, null, message);
    }

    public FieldError atRow(long rowIndex) {
        return new FieldError(field, rowIndex, message);
    }
}
