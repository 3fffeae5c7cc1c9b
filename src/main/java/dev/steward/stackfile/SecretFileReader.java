package dev.steward.stackfile;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the file named by a {@code ${file:PATH}} reference; injectable so tests need no real files. */
@FunctionalInterface
public interface SecretFileReader {
    String read(Path path) throws IOException;
}
