package dev.steward.rulefile;

import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.RuleGroup;
import dev.steward.stackfile.ConfigError;
import dev.steward.stackfile.RuleFileParser;
import dev.steward.stackfile.RuleFileResult;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads rule files, unchanged from Prometheus, with every error of every file reported at once.
 *
 * <pre>{@code
 * RuleFileLoader loader = new RuleFileLoader(RuleDialect.STEWARD, ExpressionCheck.ACCEPT_ALL);
 * switch (loader.loadAll(stackFile.getParent(), config.ruleFiles())) {
 *     case RuleFileResult.Loaded(List<RuleGroup> groups) -> evaluate(groups);
 *     case RuleFileResult.Invalid(List<ConfigError> errors) -> errors.forEach(e -> System.err.println(e.format()));
 * }
 * }</pre>
 */
public final class RuleFileLoader {
    private final RuleFileParser parser;

    public RuleFileLoader(RuleDialect dialect, ExpressionCheck expressions) {
        this.parser = new RuleFileParser(dialect, expressions);
    }

    /** Reads and parses one rule file; the groups' {@code file} is {@code file} as given. */
    public RuleFileResult load(Path file) {
        String name = file.toString();
        try {
            return parser.parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (MalformedInputException e) {
            return RuleFileParser.unreadable(name, "the file is not UTF-8 text", "a UTF-8 encoded YAML rule file");
        } catch (IOException e) {
            return RuleFileParser.unreadable(
                    name, "cannot read the rule file (" + e.getClass().getSimpleName() + ")", "a readable rule file");
        }
    }

    /**
     * Loads every file matched by {@code globs} (relative ones against {@code baseDirectory}), in glob order and, within
     * a glob, in name order. A glob that matches nothing is fine (as in Prometheus), but a path without wildcards must
     * exist.
     */
    public RuleFileResult loadAll(Path baseDirectory, List<String> globs) {
        List<RuleGroup> groups = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        for (String glob : globs) {
            List<Path> files;
            try {
                files = Glob.expand(baseDirectory, glob);
            } catch (IllegalArgumentException | IOException e) {
                errors.add(new ConfigError(
                        glob,
                        0,
                        0,
                        "rule_files",
                        "cannot expand the rule file glob: " + e.getMessage(),
                        java.util.Optional.of('"' + glob + '"'),
                        java.util.Optional.of("a path or a glob such as rules/*.yml")));
                continue;
            }
            if (files.isEmpty() && !Glob.hasWildcards(glob)) {
                errors.add(new ConfigError(
                        glob,
                        0,
                        0,
                        "rule_files",
                        "rule file not found",
                        java.util.Optional.of('"' + glob + '"'),
                        java.util.Optional.of("an existing rule file")));
            }
            for (Path f : files) {
                switch (load(f)) {
                    case RuleFileResult.Loaded l -> groups.addAll(l.groups());
                    case RuleFileResult.Invalid i -> errors.addAll(i.errors());
                }
            }
        }
        return errors.isEmpty() ? new RuleFileResult.Loaded(groups) : new RuleFileResult.Invalid(errors);
    }
}
