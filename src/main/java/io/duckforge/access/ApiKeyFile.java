package io.duckforge.access;

import io.quarkus.logging.Log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys: a file of {@code <sha256 hex of the key> <name> <grant> [<grant> ...]} lines, {@code #} comments,
 * usually a mounted Kubernetes Secret. Only digests are stored, never keys. The file is read again at most every
 * {@link #RELOAD_NANOS} when asked, so a rotated Secret (Kubernetes swaps the mounted file) takes effect within seconds
 * without a restart. A line that does not parse is skipped with a warning naming its number; it grants nothing.
 */
final class ApiKeyFile {

    static final long RELOAD_NANOS = 2_000_000_000L;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private record Entry(byte[] digest, Caller caller) {
    }

    private final Path file;
    private volatile List<Entry> entries = List.of();
    private volatile long loadedAt;
    private volatile String loadedText;

    ApiKeyFile(Path file) {
        this.file = file;
        reload();
    }

    /**
     * The caller a presented key belongs to. Every entry is compared, in constant time, whatever matched: how long
     * the answer takes says nothing about which digest came close.
     */
    Optional<Caller> find(String presentedKey) {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS) {
            reload();
        }
        byte[] presented = sha256(presentedKey);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), presented) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private synchronized void reload() {
        if (System.nanoTime() - loadedAt <= RELOAD_NANOS && loadedText != null) {
            return;
        }
        loadedAt = System.nanoTime();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (loadedText == null || !loadedText.isEmpty()) {
                Log.warnf("Cannot read the API key file %s; no API key is accepted until it can be read", file);
            }
            entries = List.of();
            loadedText = "";
            return;
        }
        if (text.equals(loadedText)) {
            return;
        }
        entries = parse(text);
        loadedText = text;
        Log.infof("Read %d API keys from %s", entries.size(), file);
    }

    private List<Entry> parse(String text) {
        List<Entry> parsed = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length < 3 || !DIGEST.matcher(words[0]).matches()) {
                Log.warnf("%s line %d: expected '<sha256 hex of the key> <name> <grant> [<grant> ...]'; the line is skipped", file, i + 1);
                continue;
            }
            parsed.add(new Entry(HexFormat.of().parseHex(words[0]),
                    Caller.of(words[1], Arrays.asList(words).subList(2, words.length))));
        }
        return List.copyOf(parsed);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
