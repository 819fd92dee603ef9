package io.duckforge.access;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A new endpoint cannot be open by accident: every resource method of the application declares what it needs. */
class EveryEndpointDeclaresItsAccessTest {

    @Test
    void everyResourceMethodCarriesAnAccessRule() throws Exception {
        List<String> undeclared = resourceMethods().filter(method -> !method.isAnnotationPresent(Access.class))
                .map(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName()).toList();

        assertThat(undeclared).isEmpty();
    }

    @Test
    void theAccessMatrixCallsEveryResourceMethod() throws Exception {
        assertThat(Endpoints.all()).hasSize((int) resourceMethods().count());
    }

    /** Public methods with an HTTP method annotation, on every {@code @Path} class compiled from src/main. */
    private static Stream<Method> resourceMethods() throws IOException, URISyntaxException {
        java.nio.file.Path classes = java.nio.file.Path.of(Access.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class") && !file.getFileName().toString().contains("$"))
                    .map(file -> classes.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .map(EveryEndpointDeclaresItsAccessTest::load)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                    .filter(method -> Arrays.stream(method.getAnnotations())
                            .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class)))
                    .toList().stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EveryEndpointDeclaresItsAccessTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
