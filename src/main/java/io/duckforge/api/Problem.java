package io.duckforge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.duckforge.schema.FieldError;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists the offending fields of a validation failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
