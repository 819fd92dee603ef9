package io.duckforge.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RecordValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DatasetSchema WELLS = new DatasetSchema("wells", null, 1, List.of(
            new PropertyDefinition("code", PropertyType.INTEGER, true, false, false, null, null),
            new PropertyDefinition("oil", PropertyType.NUMBER, false, false, false, null, null),
            new PropertyDefinition("status", PropertyType.STRING, false, false, false, TextNode.valueOf("active"), null),
            new PropertyDefinition("day", PropertyType.DATE, false, false, false, null, null),
            new PropertyDefinition("at", PropertyType.DATETIME, false, false, false, null, null)));

    private static Map<String, Object> validate(String json) throws Exception {
        return RecordValidator.validate(WELLS, JSON.readTree(json));
    }

    private static List<FieldError> errors(String json) {
        return catchThrowableOfType(ValidationException.class, () -> validate(json)).errors();
    }

    @Test
    void convertsValuesToTheirPropertyTypesInSchemaOrder() throws Exception {
        Map<String, Object> values = validate("{\"at\": \"2024-01-31T12:00:00+02:00\", \"day\": \"2024-01-31\", \"oil\": 3, \"code\": 7}");

        assertThat(values).containsExactly(
                Map.entry("code", 7L),
                Map.entry("oil", 3.0),
                Map.entry("status", "active"),
                Map.entry("day", LocalDate.of(2024, 1, 31)),
                Map.entry("at", OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void anIntegerPropertyRefusesAStringAndAFraction() {
        assertThat(errors("{\"code\": \"12\"}")).extracting(FieldError::field).containsExactly("code");
        assertThat(errors("{\"code\": 1.5}")).extracting(FieldError::field).containsExactly("code");
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        assertThat(errors("{\"oil\": 1}")).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("code"))
                .satisfies(error -> assertThat(error.message()).isEqualTo("is required"));
    }

    @Test
    void anExplicitNullOnARequiredPropertyIsRefused() {
        assertThat(errors("{\"code\": null}")).extracting(FieldError::field).containsExactly("code");
    }

    @Test
    void anUnknownPropertyIsRefused() {
        assertThat(errors("{\"code\": 1, \"colour\": \"red\"}")).extracting(FieldError::field).containsExactly("colour");
    }

    @Test
    void aSystemColumnCannotBeSetByTheClient() {
        assertThat(errors("{\"code\": 1, \"version\": 9}")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("system column"));
    }

    @Test
    void aDateTimeWithoutOffsetIsRefused() {
        assertThat(errors("{\"code\": 1, \"at\": \"2024-01-31T12:00:00\"}")).extracting(FieldError::field).containsExactly("at");
    }

    @Test
    void everyProblemOfARecordIsReportedAtOnce() {
        assertThat(errors("{\"oil\": \"x\", \"day\": \"31/01/2024\"}")).extracting(FieldError::field)
                .containsExactlyInAnyOrder("oil", "day", "code");
    }

    @Test
    void aRecordMustBeAnObject() {
        assertThat(errors("[1, 2]")).extracting(FieldError::field).containsExactly("data");
    }
}
