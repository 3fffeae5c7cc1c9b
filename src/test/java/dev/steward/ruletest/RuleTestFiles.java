package dev.steward.ruletest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test files of {@code src/test/resources/ruletest}, copied into a directory. Their names say what they must give:
 * {@code pass-*} succeed, {@code fail-*} fail a test, {@code invalid-*} are rejected before any test runs.
 */
final class RuleTestFiles {
    static final Path SOURCE = Path.of("src/test/resources/ruletest");

    private RuleTestFiles() {}

    static void copyTo(Path dir) {
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> testFiles() {
        try (Stream<Path> files = Files.list(SOURCE)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".test.yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
