package dev.steward.app;

import dev.steward.ruletest.FileResult;
import dev.steward.ruletest.RuleTestRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code steward test-rules FILE…}: unit tests for rule files, in promtool's test-file format. */
@Command(
        name = "test-rules",
        description = "Run rule unit-test files (promtool's format: rule_files, evaluation_interval, tests with "
                + "input_series, alert_rule_test, promql_expr_test). Exit 0 all passed, 1 a test failed, 2 a test "
                + "file or rule file is invalid.")
final class TestRulesCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Test files.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleTestRunner runner = new RuleTestRunner();
        int exit = 0;
        for (Path f : files) {
            FileResult r = runner.run(f);
            r.print(out);
            out.flush();
            exit = Math.max(exit, r.exitCode());
        }
        return exit;
    }
}
