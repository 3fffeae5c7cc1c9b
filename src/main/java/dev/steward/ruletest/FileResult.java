package dev.steward.ruletest;

import dev.steward.stackfile.ConfigError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The outcome of one test file: every test passed, some failed, or the file (or a rule file) is invalid. */
public sealed interface FileResult {
    Path file();

    record Passed(Path file) implements FileResult {}

    /** Never empty. */
    record Failed(Path file, List<Failure> failures) implements FileResult {
        public Failed {
            failures = List.copyOf(failures);
        }
    }

    /** The test file or one of its rule files could not be read; no test ran. Never empty. */
    record Invalid(Path file, List<ConfigError> errors) implements FileResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** Prints the result as promtool does: {@code Unit Testing:  FILE}, then {@code SUCCESS} or {@code FAILED:}. */
    default void print(PrintWriter out) {
        out.println("Unit Testing:  " + file());
        switch (this) {
            case Passed p -> out.println("  SUCCESS");
            case Failed f -> {
                out.println("  FAILED:");
                f.failures().forEach(x -> out.println(x.format()));
            }
            case Invalid i -> {
                out.println("  FAILED:");
                i.errors().forEach(e -> out.println("    " + e.format()));
            }
        }
        out.println();
    }

    /** 0 passed, 1 a test failed, 2 the file is invalid. */
    default int exitCode() {
        return switch (this) {
            case Passed p -> 0;
            case Failed f -> 1;
            case Invalid i -> 2;
        };
    }
}
