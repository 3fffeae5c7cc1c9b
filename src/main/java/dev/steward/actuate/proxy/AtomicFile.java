package dev.steward.actuate.proxy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Replaces a file in one step: the text goes to a temporary file in the same directory, is flushed to disk, made
 * readable by all (proxies often read their configuration as another user) and moved over the old file, so a proxy
 * that reloads at any moment reads either the old file or the new one, never half of one.
 */
final class AtomicFile {
    private AtomicFile() {}

    /** Writes {@code text} to {@code file}; returns what the file held before, empty if it did not exist. */
    static Optional<String> replace(Path file, String text) throws IOException {
        Optional<String> previous = read(file);
        write(file, text);
        return previous;
    }

    /** Puts back what {@link #replace} returned: the old text, or no file. */
    static void restore(Path file, Optional<String> previous) throws IOException {
        if (previous.isPresent()) {
            write(file, previous.get());
        } else {
            Files.deleteIfExists(file);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel ch =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(StandardCharsets.UTF_8.encode(text));
                ch.force(true);
            }
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
