package dev.steward.stackfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the file named by a {@code ${file:PATH}} reference; injectable so tests need no real files. */
@FunctionalInterface
public interface SecretFileReader {
    /** Secret files are small; a larger file is most likely the wrong file. */
    long MAX_BYTES = 1 << 20;

    String read(Path path) throws IOException;

    /**
     * Reads regular files of at most {@link #MAX_BYTES} as UTF-8 (so that {@code ${file:/dev/zero}} cannot hang the
     * loader).
     */
    static SecretFileReader fileSystem() {
        return path -> {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new IOException("not a regular file");
            }
            if (Files.exists(path) && Files.size(path) > MAX_BYTES) {
                throw new IOException("larger than 1 MiB");
            }
            return Files.readString(path);
        };
    }
}
