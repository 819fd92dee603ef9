package io.duckforge.schema;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaFileReaderTest {

    private static DatasetSchema read(String location, String yaml) {
        return SchemaFileReader.read(location, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAYamlSchema() {
        DatasetSchema schema = read("wells.yaml", """
                name: wells
                properties:
                  - name: oil
                    type: number
                """);
        assertThat(schema.property("oil")).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(PropertyType.NUMBER));
    }

    @Test
    void aBadFileFailsWithOneMessageNamingFilePropertyAndProblem() {
        assertThatThrownBy(() -> read("/etc/schemas/wells.yaml", """
                name: wells
                properties:
                  - name: oil
                    type: flot
                """))
                .isInstanceOf(SchemaFileException.class)
                .hasMessageContaining("/etc/schemas/wells.yaml")
                .hasMessageContaining("(oil)")
                .hasMessageContaining("unknown type 'flot'");
    }

    @Test
    void unparsableContentNamesTheFile() {
        assertThatThrownBy(() -> read("broken.yaml", "name: [unclosed"))
                .isInstanceOf(SchemaFileException.class)
                .hasMessageStartingWith("broken.yaml: not readable");
    }

    @Test
    void theShippedWellProductionSchemaIsValid() throws Exception {
        try (var content = getClass().getClassLoader().getResourceAsStream("schemas/well_production.yaml")) {
            DatasetSchema schema = SchemaFileReader.read("well_production.yaml", content);
            assertThat(schema.properties()).hasSize(14);
            assertThat(schema.property("production_period")).hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(PropertyType.DATETIME));
            assertThat(schema.property("_field_name")).isPresent();
        }
    }
}
