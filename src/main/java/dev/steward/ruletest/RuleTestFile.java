package dev.steward.ruletest;

import dev.steward.core.series.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A rule unit-test file, as promtool reads it.
 *
 * @param path the test file (rule files are relative to its directory)
 * @param ruleFiles paths or globs of the rule files under test
 * @param evaluationInterval how often every group is evaluated (1m when absent)
 * @param groupEvalOrder group names evaluated first, in this order; the other groups follow in file order
 * @param tests the test groups, each on its own fresh store
 */
public record RuleTestFile(
        Path path,
        List<String> ruleFiles,
        Duration evaluationInterval,
        List<String> groupEvalOrder,
        List<TestGroup> tests) {

    public RuleTestFile {
        ruleFiles = List.copyOf(ruleFiles);
        groupEvalOrder = List.copyOf(groupEvalOrder);
        tests = List.copyOf(tests);
    }

    /**
     * One {@code tests} entry.
     *
     * @param name shown in failures; empty when not given
     * @param interval the step between input values (the evaluation interval when absent)
     */
    public record TestGroup(
            String name,
            Duration interval,
            List<InputSeries> inputSeries,
            List<AlertTest> alertTests,
            List<ExprTest> exprTests,
            Map<String, String> externalLabels,
            String externalUrl) {
        public TestGroup {
            inputSeries = List.copyOf(inputSeries);
            alertTests = List.copyOf(alertTests);
            exprTests = List.copyOf(exprTests);
            externalLabels = Map.copyOf(externalLabels);
        }
    }

    /**
     * One input series: its labels and its values at {@code interval} steps from time 0, {@code null} for an omitted
     * step ({@code _}); stale markers are {@link dev.steward.core.series.StaleMarker#VALUE}.
     */
    public record InputSeries(Labels labels, List<Double> values) {
        public InputSeries {
            values = Collections.unmodifiableList(new ArrayList<>(values)); // may hold nulls
        }
    }

    /** The alerts expected firing under {@code alertname} at {@code evalTime} (an empty list: none firing). */
    public record AlertTest(Duration evalTime, String alertname, List<ExpectedAlert> expected) {
        public AlertTest {
            expected = List.copyOf(expected);
        }
    }

    /** An expected alert: its labels without {@code alertname}, and its annotations. */
    public record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
        public ExpectedAlert {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }
    }

    /** A PromQL expression evaluated at {@code evalTime} after the rules ran, and the samples it must return. */
    public record ExprTest(String expr, Duration evalTime, List<ExpectedSample> expected) {
        public ExprTest {
            expected = List.copyOf(expected);
        }
    }

    /** An expected sample: its labels (with {@code __name__} when the descriptor names a metric) and value. */
    public record ExpectedSample(Labels labels, double value) {}
}
