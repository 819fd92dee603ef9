package io.duckforge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DatasetSchema read(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return SchemaValidator.validate(SchemaReader.read(node));
    }

    private static ValidationException failure(String json) {
        return catchThrowableOfType(ValidationException.class, () -> read(json));
    }

    @Test
    void aWellFormedSchemaIsAccepted() throws Exception {
        DatasetSchema schema = read("""
                {"name": "wells", "description": "d", "properties": [
                  {"name": "code", "type": "integer", "required": true, "indexed": true},
                  {"name": "_label", "type": "string", "unique": true, "default": "x"}]}""");

        assertThat(schema.name()).isEqualTo("wells");
        assertThat(schema.version()).isEqualTo(1);
        assertThat(schema.properties()).extracting(PropertyDefinition::type)
                .containsExactly(PropertyType.INTEGER, PropertyType.STRING);
    }

    @Test
    void aDatasetNameThatIsNotALowercaseIdentifierIsRefused() {
        assertThat(failure("{\"name\": \"Wells; DROP\", \"properties\": [{\"name\": \"a\", \"type\": \"string\"}]}").errors())
                .extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void aPropertyNameThatIsNotAnIdentifierIsRefusedNamingTheProperty() {
        assertThat(failure("{\"name\": \"w\", \"properties\": [{\"name\": \"bad name\", \"type\": \"string\"}]}").errors())
                .extracting(FieldError::field).containsExactly("properties[0] (bad name).name");
    }

    @Test
    void aDuplicatePropertyIsRefused() {
        ValidationException e = failure("""
                {"name": "w", "properties": [{"name": "a", "type": "string"}, {"name": "a", "type": "integer"}]}""");
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("properties[1] (a).name");
            assertThat(error.message()).contains("duplicate");
        });
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheTypeAndTheChoices() {
        ValidationException e = failure("{\"name\": \"w\", \"properties\": [{\"name\": \"a\", \"type\": \"flot\"}]}");
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("properties[0] (a).type");
            assertThat(error.message()).contains("'flot'").contains("number");
        });
    }

    @Test
    void aSystemColumnNameIsReserved() {
        assertThat(failure("{\"name\": \"w\", \"properties\": [{\"name\": \"created_at\", \"type\": \"datetime\"}]}").errors())
                .singleElement().satisfies(error -> assertThat(error.message()).contains("reserved system column"));
    }

    @Test
    void theNameBulkIsReservedBecauseItShadowsTheBulkPath() {
        assertThat(failure("{\"name\": \"bulk\", \"properties\": [{\"name\": \"a\", \"type\": \"string\"}]}").errors())
                .extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void aDefaultMustFitThePropertyType() {
        assertThat(failure("{\"name\": \"w\", \"properties\": [{\"name\": \"n\", \"type\": \"integer\", \"default\": \"7\"}]}").errors())
                .extracting(FieldError::field).containsExactly("properties[0] (n).default");
    }

    @Test
    void aJsonPropertyCannotBeIndexed() {
        assertThat(failure("{\"name\": \"w\", \"properties\": [{\"name\": \"j\", \"type\": \"json\", \"indexed\": true}]}").errors())
                .extracting(FieldError::field).containsExactly("properties[0] (j)");
    }

    @Test
    void unknownKeysAreRefusedRatherThanIgnored() {
        assertThat(failure("{\"name\": \"w\", \"properties\": [{\"name\": \"a\", \"type\": \"string\", \"indexd\": true}]}").errors())
                .extracting(FieldError::field).containsExactly("properties[0] (a).indexd");
    }

    @Test
    void aDatasetNeedsProperties() {
        assertThatThrownBy(() -> read("{\"name\": \"w\", \"properties\": []}")).isInstanceOf(ValidationException.class);
    }
}
