package dev.steward.stackfile;

import dev.steward.core.config.StackConfig;
import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.RuleDialect;
import dev.steward.stackfile.YamlNode.Position;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads a stack file: YAML, checked strictly against the schema (see {@code docs/drafts/stack-file.md}), with every
 * error reported at once. The environment and secret files are read through the lookups given to the constructor, so
 * tests need no real environment variables or files.
 *
 * <pre>{@code
 * switch (StackFileLoader.fromSystem().load(Path.of("stack.yml"))) {
 *     case LoadResult.Loaded(StackConfig config) -> run(config);
 *     case LoadResult.Invalid(List<ConfigError> errors) -> errors.forEach(e -> System.err.println(e.format()));
 * }
 * }</pre>
 */
public final class StackFileLoader {
    private final Function<String, Optional<String>> environment;
    private final SecretFileReader files;
    private final ExpressionCheck expressions;

    public StackFileLoader(Function<String, Optional<String>> environment, SecretFileReader files) {
        this(environment, files, ExpressionCheck.ACCEPT_ALL);
    }

    /** A loader that checks the PromQL expressions of inline {@code rule_groups} with {@code expressions}. */
    public StackFileLoader(
            Function<String, Optional<String>> environment, SecretFileReader files, ExpressionCheck expressions) {
        this.environment = environment;
        this.files = files;
        this.expressions = expressions;
    }

    /** A loader that reads the process environment and the file system (for the composition root). */
    public static StackFileLoader fromSystem() {
        return new StackFileLoader(name -> Optional.ofNullable(System.getenv(name)), SecretFileReader.fileSystem());
    }

    /** As {@link #fromSystem()}, checking inline rule expressions with {@code expressions}. */
    public static StackFileLoader fromSystem(ExpressionCheck expressions) {
        return new StackFileLoader(
                name -> Optional.ofNullable(System.getenv(name)), SecretFileReader.fileSystem(), expressions);
    }

    /** Reads and validates {@code file}; relative {@code ${file:}} paths are resolved against its directory. */
    public LoadResult load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return invalid(name, "the file is not UTF-8 text", "a UTF-8 encoded YAML file");
        } catch (IOException e) {
            return invalid(
                    name, "cannot read the file (" + e.getClass().getSimpleName() + ")", "a readable stack file");
        }
        return parse(text, name, baseDirectory(file));
    }

    /**
     * Validates {@code yamlText} as if read from {@code fileName} (used in messages); relative {@code ${file:}} paths
     * are resolved against the directory of {@code fileName}.
     */
    public LoadResult parse(String yamlText, String fileName) {
        return parse(yamlText, fileName, baseDirectory(Path.of(fileName)));
    }

    private LoadResult parse(String text, String fileName, Path baseDirectory) {
        Diagnostics diagnostics = new Diagnostics(fileName);
        NodeReader reader =
                new NodeReader(diagnostics, new References(environment, files, baseDirectory), new ScalarColumns(text));
        Optional<StackConfig> config = YamlTree.compose(text, diagnostics)
                .flatMap(root -> new StackReader(
                                reader,
                                new ProbeReader(reader, baseDirectory),
                                new RuleGroupReader(reader, RuleDialect.STEWARD, expressions, fileName))
                        .read(root));
        if (config.isPresent() && diagnostics.isEmpty()) {
            return new LoadResult.Loaded(config.get());
        }
        return new LoadResult.Invalid(diagnostics.sorted());
    }

    private static Path baseDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private static LoadResult invalid(String file, String message, String expected) {
        Diagnostics d = new Diagnostics(file);
        d.add(Position.UNKNOWN, "", message, null, expected);
        return new LoadResult.Invalid(d.sorted());
    }

    /** Every error of {@code result} formatted one per line; empty for a loaded file. */
    public static List<String> format(LoadResult result) {
        return switch (result) {
            case LoadResult.Loaded l -> List.of();
            case LoadResult.Invalid(List<ConfigError> errors) ->
                errors.stream().map(ConfigError::format).toList();
        };
    }
}
