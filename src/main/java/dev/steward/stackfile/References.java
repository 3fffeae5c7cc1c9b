package dev.steward.stackfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} references inside a string; {@code $${} is a literal {@code
 * ${}. A file's content loses one trailing newline. A relative file path is resolved against the stack file's
 * directory. Problems name the variable or file, never a value.
 */
public final class References {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, Optional<String>> environment;
    private final SecretFileReader files;
    private final Path baseDirectory;

    public References(Function<String, Optional<String>> environment, SecretFileReader files, Path baseDirectory) {
        this.environment = environment;
        this.files = files;
        this.baseDirectory = baseDirectory;
    }

    /** A problem with one reference; {@code offset} is where the reference starts in the string. */
    public record Problem(int offset, String message, String expected) {}

    /**
     * The string with references replaced.
     *
     * @param value the resolved text (empty when there are problems)
     * @param hasReferences whether any reference was resolved (then the text as written is the redacted form)
     */
    public record Resolved(Optional<String> value, boolean hasReferences, List<Problem> problems) {}

    public Resolved resolve(String text) {
        StringBuilder out = new StringBuilder();
        List<Problem> problems = new ArrayList<>();
        boolean references = false;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    problems.add(new Problem(
                            i, "unterminated reference", "${env:NAME} or ${file:/path} (or $${ for a literal ${)"));
                    break;
                }
                references = true;
                lookup(text.substring(i + 2, end), i, problems).ifPresent(out::append);
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return new Resolved(
                problems.isEmpty() ? Optional.of(out.toString()) : Optional.empty(), references, List.copyOf(problems));
    }

    private Optional<String> lookup(String reference, int offset, List<Problem> problems) {
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            if (!ENV_NAME.matcher(name).matches()) {
                problems.add(new Problem(
                        offset, "invalid environment variable name " + Quote.of(name), "a name such as API_TOKEN"));
                return Optional.empty();
            }
            Optional<String> value = environment.apply(name);
            if (value.isEmpty()) {
                problems.add(new Problem(
                        offset,
                        "environment variable " + name + " is not set, referenced in",
                        "the variable to be set in Steward's environment"));
            }
            return value;
        }
        if (reference.startsWith("file:")) {
            return readFile(reference.substring(5), offset, problems);
        }
        problems.add(new Problem(
                offset,
                "unknown reference ${" + reference + "}",
                "${env:NAME} or ${file:/path} (or $${ for a literal ${)"));
        return Optional.empty();
    }

    private Optional<String> readFile(String name, int offset, List<Problem> problems) {
        if (name.isBlank()) {
            problems.add(new Problem(offset, "empty file name in ${file:}", "${file:/path/to/secret}"));
            return Optional.empty();
        }
        Path path = baseDirectory.resolve(name);
        try {
            String content = files.read(path);
            if (content.endsWith("\r\n")) {
                return Optional.of(content.substring(0, content.length() - 2));
            }
            return Optional.of(content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(
                    offset,
                    "cannot read secret file " + path + " (" + reason(e) + "), referenced in",
                    "a readable file"));
            return Optional.empty();
        }
    }

    /** A plain IOException carries its reason as its message; other exceptions are named by their class. */
    private static String reason(Exception e) {
        return e.getClass() == IOException.class && e.getMessage() != null
                ? e.getMessage()
                : e.getClass().getSimpleName();
    }
}
