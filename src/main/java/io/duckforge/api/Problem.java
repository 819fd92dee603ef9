package io.duckforge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.duckforge.schema.FieldError;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document; {@code errors} lists the offending fields of a validation failure. A refused migration
 * adds how many stored {@code records} rule it out and a few {@code examples} of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      Long records, List<Map<String, Object>> examples) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null, null);
    }
}
