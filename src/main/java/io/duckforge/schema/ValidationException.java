package io.duckforge.schema;

import java.util.List;

/** Client input that breaks the rules; answered 400 with every {@link FieldError}. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(error.message(), List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
