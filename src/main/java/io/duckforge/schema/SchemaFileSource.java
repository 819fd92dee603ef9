package io.duckforge.schema;

import io.duckforge.DuckForgeConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the schema files: those shipped on the classpath under {@code schemas/} (listed in
 * {@code schemas/index.txt}, since a classpath directory cannot be listed inside a jar) and those in the
 * optional {@code duckforge.schemas.dir}.
 */
@ApplicationScoped
public class SchemaFileSource {

    static final String CLASSPATH_INDEX = "schemas/index.txt";

    private final DuckForgeConfig config;

    public SchemaFileSource(DuckForgeConfig config) {
        this.config = config;
    }

    /** @return the schemas by file location, in reading order; a bad file throws {@link SchemaFileException} */
    public Map<String, DatasetSchema> readAll() {
        Map<String, DatasetSchema> schemas = new LinkedHashMap<>();
        for (String file : classpathFiles()) {
            String location = "classpath:schemas/" + file;
            try (InputStream content = resource("schemas/" + file)) {
                if (content == null) {
                    throw new SchemaFileException(location + ": listed in " + CLASSPATH_INDEX + " but not found");
                }
                add(schemas, location, SchemaFileReader.read(location, content));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        config.schemas().dir().map(Path::of).ifPresent(dir -> readDirectory(dir, schemas));
        return schemas;
    }

    private void readDirectory(Path dir, Map<String, DatasetSchema> schemas) {
        if (!Files.isDirectory(dir)) {
            throw new SchemaFileException(dir + ": duckforge.schemas.dir is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> SchemaFileReader.isSchemaFile(f.getFileName().toString())).sorted().toList()) {
                try (InputStream content = Files.newInputStream(file)) {
                    add(schemas, file.toString(), SchemaFileReader.read(file.toString(), content));
                }
            }
        } catch (IOException e) {
            throw new SchemaFileException(dir + ": cannot be read: " + e.getMessage());
        }
    }

    private static void add(Map<String, DatasetSchema> schemas, String location, DatasetSchema schema) {
        schemas.entrySet().stream()
                .filter(entry -> entry.getValue().name().equals(schema.name()))
                .findFirst()
                .ifPresent(entry -> {
                    throw new SchemaFileException(location + ": dataset '" + schema.name()
                            + "' is already declared by " + entry.getKey());
                });
        Log.debugf("Read schema '%s' from %s", schema.name(), location);
        schemas.put(location, schema);
    }

    private static List<String> classpathFiles() {
        try (InputStream index = resource(CLASSPATH_INDEX)) {
            if (index == null) {
                return List.of();
            }
            return new String(index.readAllBytes()).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
    }
}
