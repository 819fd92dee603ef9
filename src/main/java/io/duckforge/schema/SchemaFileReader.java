package io.duckforge.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/** Reads one schema file, YAML or JSON; any problem becomes a {@link SchemaFileException} naming the file. */
public final class SchemaFileReader {

    // YAML is a superset of JSON, so one parser reads both kinds of file.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SchemaFileReader() {
    }

    public static boolean isSchemaFile(String fileName) {
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json");
    }

    public static DatasetSchema read(String location, InputStream content) {
        JsonNode document;
        try {
            document = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            throw new SchemaFileException(location + ": not readable as YAML or JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SchemaFileException(location + ": cannot be read: " + e.getMessage());
        }
        try {
            return SchemaValidator.validate(SchemaReader.read(document));
        } catch (ValidationException e) {
            String problems = e.errors().stream()
                    .map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; "));
            throw new SchemaFileException(location + ": " + problems);
        }
    }
}
