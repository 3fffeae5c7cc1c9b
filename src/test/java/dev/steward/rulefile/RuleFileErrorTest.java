package dev.steward.rulefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.RuleDialect;
import dev.steward.stackfile.ConfigError;
import dev.steward.stackfile.RuleFileParser;
import dev.steward.stackfile.RuleFileResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kind of mistake in a rule file, one at a time, with its position, path, value seen and expectation. */
class RuleFileErrorTest {
    /** Stands in for the PromQL parser: rejects an unbalanced parenthesis at its offset. */
    static final ExpressionCheck PARENS = expr -> {
        int depth = 0;
        for (int i = 0; i < expr.length(); i++) {
            depth += expr.charAt(i) == '(' ? 1 : expr.charAt(i) == ')' ? -1 : 0;
            if (depth < 0) {
                return Optional.of(new ExpressionCheck.Problem("unexpected right parenthesis ')'", i));
            }
        }
        return Optional.empty();
    };

    static List<ConfigError> errors(RuleDialect dialect, String yaml) {
        RuleFileResult r = new RuleFileParser(dialect, PARENS).parse(yaml, "rules/app.yml");
        assertThat(r).as("result of%n%s", yaml).isInstanceOf(RuleFileResult.Invalid.class);
        return ((RuleFileResult.Invalid) r).errors();
    }

    static String onlyError(String yaml) {
        List<ConfigError> errors = errors(RuleDialect.STEWARD, yaml);
        assertThat(errors).extracting(ConfigError::format).hasSize(1);
        return errors.getFirst().format();
    }

    @Test
    void unknownKeysAreErrorsWithTheKeysAllowed() {
        assertThat(onlyError("""
                groups:
                  - name: a
                    intervall: 1m
                    rules: []
                """))
                .startsWith("rules/app.yml:3:5: groups[0].intervall: unknown key \"intervall\"; expected")
                .contains("interval");
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: up == 0
                        severity: page
                """))
                .startsWith("rules/app.yml:6:9: groups[0].rules[0].severity: unknown key \"severity\"");
        assertThat(onlyError("groups: []\nrule_files: []\n")).startsWith("rules/app.yml:2:1: rule_files: unknown key");
    }

    @Test
    void repeatedGroupNamesInOneFileAreErrors() {
        assertThat(onlyError("""
                groups:
                  - name: node
                    rules: []
                  - name: node
                    rules: []
                """))
                .isEqualTo("rules/app.yml:4:11: groups[1].name: repeated group name \"node\"; expected group names"
                        + " unique within a file (first at groups[0])");
    }

    @Test
    void badDurationsAreErrors() {
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: up == 0
                        for: 5 minutes
                """))
                .isEqualTo("rules/app.yml:6:14: groups[0].rules[0].for: invalid duration \"5 minutes\"; expected a"
                        + " Prometheus duration such as 30s, 5m, 1h30m, 0s");
        assertThat(onlyError("groups: [{name: a, interval: 30, rules: []}]\n"))
                .contains("groups[0].interval: invalid duration (a unit is required) \"30\"");
        assertThat(onlyError("groups: [{name: a, interval: 1.5m, rules: []}]\n"))
                .contains("invalid duration");
    }

    @Test
    void recordNamesMustBeMetricNames() {
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - record: job-rate
                        expr: sum(rate(x[5m]))
                """))
                .isEqualTo("rules/app.yml:4:17: groups[0].rules[0].record: invalid recording rule name \"job-rate\";"
                        + " expected a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*");
    }

    @Test
    void labelAndAnnotationNamesMustBeLabelNames() {
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: up == 0
                        labels: {bad-name: x}
                """))
                .startsWith("rules/app.yml:6:18: groups[0].rules[0].labels.bad-name: invalid label name");
        assertThat(onlyError("""
                groups:
                  - name: a
                    labels: {__name__: x}
                    rules: []
                """)).startsWith("rules/app.yml:3:14: groups[0].labels.__name__: invalid label name");
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: up == 0
                        annotations:
                          2nd: x
                """))
                .startsWith("rules/app.yml:7:11: groups[0].rules[0].annotations.2nd: invalid annotation name");
    }

    @Test
    void aRuleNeedsAnExpressionAndExactlyOneOfRecordAndAlert() {
        assertThat(onlyError("groups: [{name: a, rules: [{alert: X}]}]\n"))
                .isEqualTo("rules/app.yml:1:28: groups[0].rules[0].expr: missing required key \"expr\"; expected a"
                        + " PromQL expression");
        assertThat(onlyError("groups: [{name: a, rules: [{record: x, alert: X, expr: up}]}]\n"))
                .startsWith("rules/app.yml:1:40: groups[0].rules[0].alert: both record and alert in one rule");
        assertThat(onlyError("groups: [{name: a, rules: [{expr: up}]}]\n"))
                .startsWith("rules/app.yml:1:28: groups[0].rules[0]: missing record or alert");
        assertThat(onlyError("groups: [{name: a, rules: [{alert: X, expr: ''}]}]\n"))
                .contains("groups[0].rules[0].expr: empty expression");
    }

    @Test
    void expressionsAreCheckedByTheHookAtTheOffendingCharacter() {
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: sum(up)) == 0
                """))
                .isEqualTo("rules/app.yml:5:22: groups[0].rules[0].expr: invalid expression: unexpected right"
                        + " parenthesis ')' \"sum(up)) == 0\"; expected a PromQL expression");
    }

    @Test
    void templatesThatDoNotParseAreErrorsAtTheirPosition() {
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: up == 0
                        annotations:
                          summary: "{{ $labels.instance } is down"
                """))
                .startsWith("rules/app.yml:7:41: groups[0].rules[0].annotations.summary: invalid template: unexpected");
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: up == 0
                        labels:
                          team: "{{ $lables.team }}"
                """))
                .isEqualTo("rules/app.yml:7:21: groups[0].rules[0].labels.team: invalid template: undefined"
                        + " variable \"$lables\" \"{{ $lables.team }}\"; expected a Go template such as"
                        + " {{ $labels.instance }}");
    }

    @Test
    void alertingOnlyFieldsInARecordingRuleAreErrors() {
        assertThat(onlyError("""
                groups:
                  - name: a
                    rules:
                      - record: job:up
                        expr: up
                        for: 5m
                """))
                .startsWith("rules/app.yml:6:9: groups[0].rules[0].for: invalid field \"for\" in a recording rule");
        assertThat(new RuleFileParser(RuleDialect.STEWARD, PARENS)
                        .parse("groups: [{name: a, rules: [{record: 'job:up', expr: up, for: 0s}]}]\n", "r.yml"))
                .as("for: 0s is accepted in a recording rule, as in Prometheus")
                .isInstanceOf(RuleFileResult.Loaded.class);
    }

    @Test
    void stewardExtensionsAreRejectedInPrometheusModeAndCheckedInStewardMode() {
        String yaml = """
                groups:
                  - name: a
                    rules:
                      - alert: X
                        expr: up == 0
                        fire_after: 3 of 5
                """;
        assertThat(errors(RuleDialect.PROMETHEUS, yaml))
                .extracting(ConfigError::format)
                .containsExactly("rules/app.yml:6:9: groups[0].rules[0].fire_after: a Steward extension, not accepted"
                        + " in Prometheus mode: \"fire_after\"; expected one of record, alert, expr, for,"
                        + " keep_firing_for, labels, annotations");
        assertThat(onlyError(yaml.replace("3 of 5", "5 of 3")))
                .isEqualTo("rules/app.yml:6:21: groups[0].rules[0].fire_after: invalid fire_after \"5 of 3\";"
                        + " expected \"M of N\" with 1 <= M <= N <= 64, such as \"3 of 5\"");
    }

    @Test
    void everyErrorOfTheFileIsReportedInFileOrder() {
        List<ConfigError> errors = errors(RuleDialect.STEWARD, """
                groups:
                  - name: a
                    interval: soon
                    rules:
                      - record: bad name
                        expr: up
                      - alert: X
                        for: -5m
                """);
        assertThat(errors).extracting(ConfigError::line).containsExactly(3, 5, 7, 8);
    }
}
