package dev.steward.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleTestRunnerTest {
    @TempDir
    Path dir;

    static java.util.List<String> files() {
        return RuleTestFiles.testFiles();
    }

    private FileResult run(String name) {
        RuleTestFiles.copyTo(dir);
        return new RuleTestRunner().run(dir.resolve(name));
    }

    private static String printed(FileResult r) {
        StringWriter s = new StringWriter();
        r.print(new PrintWriter(s, true));
        return s.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileGivesTheOutcomeItsNameSays(String name) {
        FileResult r = run(name);
        Class<?> expected = name.startsWith("pass-")
                ? FileResult.Passed.class
                : name.startsWith("fail-") ? FileResult.Failed.class : FileResult.Invalid.class;
        assertThat(r).as(printed(r)).isInstanceOf(expected);
    }

    @Test
    void passingFilePrintsSuccessUnderItsName() {
        FileResult r = run("pass-alerts-and-records.test.yml");
        assertThat(printed(r))
                .startsWith("Unit Testing:  " + dir.resolve("pass-alerts-and-records.test.yml"))
                .contains("\n  SUCCESS\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void alertExpectedBeforeItsHoldDurationElapsedIsReportedWithWhatFired() {
        FileResult.Failed r = (FileResult.Failed) run("fail-wrong-expectations.test.yml");
        assertThat(r.failures()).hasSize(3);
        Failure.AlertsDiffer early = (Failure.AlertsDiffer) r.failures().get(0);
        assertThat(early.alertname()).isEqualTo("JobDegraded");
        assertThat(early.evalTime()).isEqualTo(Duration.ofMinutes(6));
        assertThat(early.got()).isEmpty();
        Failure.AlertsDiffer annotation = (Failure.AlertsDiffer) r.failures().get(1);
        assertThat(annotation.got())
                .singleElement()
                .satisfies(a -> assertThat(a.annotations()).containsEntry("summary", "b of node is down"));
        assertThat(printed(r))
                .contains("  FAILED:\n    name: wrong expectations,\n    alertname: JobDegraded, time: 6m,")
                .contains("expr: \"job:up:ratio\", time: 8m,\n        exp: job:up:ratio{job=\"node\"} 0.4\n"
                        + "        got: job:up:ratio{job=\"node\"} 0.5");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void ruleErrorStopsTheTestGroupAndNamesTheRuleAndTime() {
        FileResult.Failed r = (FileResult.Failed) run("fail-rule-error.test.yml");
        assertThat(r.failures()).singleElement().isInstanceOfSatisfying(Failure.RuleFailed.class, f -> {
            assertThat(f.rule()).isEqualTo("instance:up");
            assertThat(f.time()).isEqualTo(Duration.ZERO);
        });
    }

    @Test
    void invalidYamlIsReportedWithLineAndColumn() {
        FileResult.Invalid r = (FileResult.Invalid) run("invalid-yaml.test.yml");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isPositive();
            assertThat(e.message()).startsWith("invalid YAML");
        });
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void misspelledFieldIsRejectedWithItsPath() {
        FileResult.Invalid r = (FileResult.Invalid) run("invalid-unknown-field.test.yml");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.format())
                    .contains("invalid-unknown-field.test.yml:7:5: tests[0].alert_rule_tests: unknown field");
        });
    }

    @Test
    void everyBadValueOfAFileIsReportedAtOnce() throws IOException {
        Files.writeString(dir.resolve("r.yml"), "groups: []\n");
        Path f = dir.resolve("bad.test.yml");
        Files.writeString(f, """
                rule_files: [r.yml]
                evaluation_interval: 1 minute
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'up{job=~"x"}'
                        values: '1 2 x'
                    alert_rule_test:
                      - eval_time: 1m
                        alertname: ""
                    promql_expr_test:
                      - eval_time: 1m
                        exp_samples:
                          - labels: 'up'
                            value: many
                """);
        FileResult.Invalid r = (FileResult.Invalid) new RuleTestRunner().run(f);
        assertThat(r.errors())
                .extracting(e -> e.path())
                .containsExactlyInAnyOrder(
                        "evaluation_interval",
                        "tests[0].input_series[0].series",
                        "tests[0].input_series[0].values",
                        "tests[0].alert_rule_test[0].alertname",
                        "tests[0].promql_expr_test[0].expr",
                        "tests[0].promql_expr_test[0].exp_samples[0].value");
    }

    @Test
    void missingRuleFileIsInvalid() throws IOException {
        Path f = dir.resolve("t.test.yml");
        Files.writeString(f, "rule_files: [absent.yml]\ntests: []\n");
        FileResult r = new RuleTestRunner().run(f);
        assertThat(r).isInstanceOf(FileResult.Invalid.class);
        assertThat(printed(r)).contains("absent.yml").contains("rule file not found");
    }

    @Test
    void yamlSpellingsOfNanAndInfinityAreExpectedValues() throws IOException {
        Files.writeString(dir.resolve("r.yml"), "groups: []\n");
        Path f = dir.resolve("nan.test.yml");
        Files.writeString(f, """
                rule_files: [r.yml]
                tests:
                  - interval: 1m
                    promql_expr_test:
                      - {expr: 0/0, eval_time: 0s, exp_samples: [{value: .nan}]}
                      - {expr: -1/0, eval_time: 0s, exp_samples: [{value: -.inf}]}
                      - {expr: 1/0, eval_time: 0s, exp_samples: [{value: -.inf}]}
                """);
        FileResult.Failed r = (FileResult.Failed) new RuleTestRunner().run(f);
        assertThat(r.failures()).singleElement().isInstanceOfSatisfying(Failure.SamplesDiffer.class, d -> {
            assertThat(d.expr()).isEqualTo("1/0");
            assertThat(d.format()).contains("exp: {} -Inf").contains("got: {} +Inf");
        });
    }

    @Test
    void valuesAreEqualWithinARelativeToleranceOnly() {
        assertThat(TestGroupRun.close(0.1 + 0.2, 0.3)).isTrue();
        assertThat(TestGroupRun.close(Double.NaN, Double.NaN)).isTrue();
        assertThat(TestGroupRun.close(1, 1.0001)).isFalse();
        assertThat(TestGroupRun.close(0, 1e-300)).isFalse();
        assertThat(TestGroupRun.close(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .isFalse();
        assertThat(TestGroupRun.close(Double.POSITIVE_INFINITY, 1e308)).isFalse();
    }
}
