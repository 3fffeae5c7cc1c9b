package dev.steward.ruletest;

import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.RuleGroup;
import dev.steward.promql.EngineRules;
import dev.steward.rulefile.RuleFileLoader;
import dev.steward.ruletest.RuleTestFile.TestGroup;
import dev.steward.stackfile.ConfigError;
import dev.steward.stackfile.RuleFileResult;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs rule unit-test files in promtool's format: reads the file, loads its rule files (relative to the test file's
 * directory, with Steward's rule loader and PromQL parser), then runs each test group on its own fresh store.
 *
 * <pre>{@code
 * FileResult r = new RuleTestRunner().run(Path.of("rules.test.yml"));
 * r.print(out);            // Unit Testing:  rules.test.yml / SUCCESS
 * System.exit(r.exitCode());
 * }</pre>
 */
public final class RuleTestRunner {
    private final RuleFileLoader loader = new RuleFileLoader(RuleDialect.STEWARD, EngineRules.PARSER);

    public FileResult run(Path testFile) {
        String text;
        try {
            text = Files.readString(testFile, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return unreadable(testFile, "the file is not UTF-8 text");
        } catch (IOException e) {
            return unreadable(
                    testFile, "cannot read the test file (" + e.getClass().getSimpleName() + ")");
        }
        return switch (TestFileReader.read(text, testFile)) {
            case TestFileReader.Result.Invalid i -> new FileResult.Invalid(testFile, i.errors());
            case TestFileReader.Result.Read r -> run(r.file());
        };
    }

    /** Runs an already read test file. */
    public FileResult run(RuleTestFile file) {
        Path dir = Optional.ofNullable(file.path().getParent()).orElse(Path.of(""));
        List<RuleGroup> groups;
        switch (loader.loadAll(dir, file.ruleFiles())) {
            case RuleFileResult.Invalid i -> {
                return new FileResult.Invalid(file.path(), i.errors());
            }
            case RuleFileResult.Loaded l -> groups = ordered(l.groups(), file.groupEvalOrder());
        }
        List<Failure> failures = new ArrayList<>();
        for (TestGroup test : file.tests()) {
            failures.addAll(new TestGroupRun(test, file.evaluationInterval(), groups).run());
        }
        return failures.isEmpty() ? new FileResult.Passed(file.path()) : new FileResult.Failed(file.path(), failures);
    }

    /** The groups named in {@code order} first, in that order, then the others in file order. */
    static List<RuleGroup> ordered(List<RuleGroup> groups, List<String> order) {
        List<RuleGroup> out = new ArrayList<>();
        for (String name : order) {
            groups.stream().filter(g -> g.name().equals(name)).forEach(out::add);
        }
        groups.stream().filter(g -> !order.contains(g.name())).forEach(out::add);
        return out;
    }

    private static FileResult unreadable(Path file, String message) {
        return new FileResult.Invalid(
                file,
                List.of(new ConfigError(
                        file.toString(),
                        0,
                        0,
                        "",
                        message,
                        Optional.empty(),
                        Optional.of("a readable UTF-8 YAML test file"))));
    }
}
