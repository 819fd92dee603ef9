package io.duckforge.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CrashLeftoversTest {

    @TempDir
    Path directory;

    @Test
    void removesTheMatchingEntriesWithTheirContentsAndKeepsTheRest() throws Exception {
        Path partial = Files.createDirectories(directory.resolve("b.partial/nested"));
        Files.writeString(partial.resolve("part.parquet"), "x");
        Path kept = Files.createDirectories(directory.resolve("b"));

        int removed = CrashLeftovers.remove(directory, path -> path.getFileName().toString().endsWith(".partial"));

        assertThat(removed).isEqualTo(1);
        assertThat(directory.resolve("b.partial")).doesNotExist();
        assertThat(kept).isDirectory();
    }

    @Test
    void aMissingDirectoryHasNothingToRemove() {
        assertThat(CrashLeftovers.remove(directory.resolve("absent"), path -> true)).isZero();
    }
}
