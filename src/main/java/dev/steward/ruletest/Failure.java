package dev.steward.ruletest;

import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.rule.PromDuration;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Why a test group failed; {@link #format()} renders it as promtool does, indented under {@code FAILED:}. */
public sealed interface Failure {

    /** The test group's {@code name}, empty when it has none. */
    String testName();

    String describe();

    /** The failure as lines indented by four spaces, the test's name first when it has one. */
    default String format() {
        String name = testName().isEmpty() ? "" : "    name: " + testName() + ",\n";
        return name + describe();
    }

    /** A rule failed at an evaluation; promtool stops the test group there. */
    record RuleFailed(String testName, String rule, Duration time, String message) implements Failure {
        @Override
        public String describe() {
            return "    rule: %s, time: %s, err: %s".formatted(rule, PromDuration.format(time), message);
        }
    }

    /** The alerts firing under {@code alertname} at {@code evalTime} are not the expected ones. */
    record AlertsDiffer(
            String testName, String alertname, Duration evalTime, List<FiringAlert> expected, List<FiringAlert> got)
            implements Failure {
        public AlertsDiffer {
            expected = List.copyOf(expected);
            got = List.copyOf(got);
        }

        @Override
        public String describe() {
            return "    alertname: %s, time: %s,\n        exp: %s\n        got: %s"
                    .formatted(alertname, PromDuration.format(evalTime), alerts(expected), alerts(got));
        }

        private static String alerts(List<FiringAlert> alerts) {
            if (alerts.isEmpty()) {
                return "[]";
            }
            return alerts.stream().map(a -> "            " + a).collect(Collectors.joining("\n", "[\n", "\n        ]"));
        }
    }

    /** A {@code promql_expr_test} expression did not evaluate. */
    record QueryFailed(String testName, String expr, Duration evalTime, String message) implements Failure {
        @Override
        public String describe() {
            return "    expr: \"%s\", time: %s, err: %s".formatted(expr, PromDuration.format(evalTime), message);
        }
    }

    /** A {@code promql_expr_test} expression returned other samples than expected. */
    record SamplesDiffer(
            String testName, String expr, Duration evalTime, List<ResultSample> expected, List<ResultSample> got)
            implements Failure {
        public SamplesDiffer {
            expected = List.copyOf(expected);
            got = List.copyOf(got);
        }

        @Override
        public String describe() {
            return "    expr: \"%s\", time: %s,\n        exp: %s\n        got: %s"
                    .formatted(expr, PromDuration.format(evalTime), samples(expected), samples(got));
        }

        private static String samples(List<ResultSample> samples) {
            return samples.isEmpty()
                    ? "(none)"
                    : samples.stream().map(ResultSample::toString).collect(Collectors.joining(", "));
        }
    }

    /** A firing alert as compared: its labels (with {@code alertname}) and annotations. */
    record FiringAlert(Labels labels, Map<String, String> annotations) implements Comparable<FiringAlert> {
        public FiringAlert {
            annotations = Map.copyOf(annotations);
        }

        @Override
        public int compareTo(FiringAlert o) {
            int c = labels.compareTo(o.labels);
            return c != 0 ? c : Labels.fromMap(annotations).compareTo(Labels.fromMap(o.annotations));
        }

        @Override
        public String toString() {
            return labels + " annotations: " + Labels.fromMap(new TreeMap<>(annotations));
        }
    }

    /** A sample as compared: labels (with {@code __name__}) and value. */
    record ResultSample(Labels labels, double value) implements Comparable<ResultSample> {
        @Override
        public int compareTo(ResultSample o) {
            return labels.compareTo(o.labels);
        }

        @Override
        public String toString() {
            return labels + " " + Numbers.format(value);
        }
    }
}
