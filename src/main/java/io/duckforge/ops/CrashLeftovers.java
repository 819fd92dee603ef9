package io.duckforge.ops;

import io.quarkus.logging.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a process killed mid-request leaves on disk, removed at the next start: scratch files of bodies (a Parquet
 * body is written whole before DuckDB reads it) and backups that never completed ({@code *.partial}). It runs once the
 * database is open, so the lock on the file says no other process of this database is using them.
 */
final class CrashLeftovers {

    private CrashLeftovers() {
    }

    /** Removes the entries of {@code directory} that match, with their contents; answers how many. */
    static int remove(Path directory, Predicate<Path> leftover) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> found;
        try (Stream<Path> entries = Files.list(directory)) {
            found = entries.filter(leftover).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        found.forEach(CrashLeftovers::deleteTree);
        if (!found.isEmpty()) {
            Log.infof("Removed %d leftover(s) of an earlier run from %s", found.size(), directory);
        }
        return found.size();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            Log.warnf("Cannot remove the leftover %s: %s", root, e.getMessage());
        }
    }
}
