package dev.steward.ruletest;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.conformance.SeriesNotation;
import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.series.Labels;
import dev.steward.ruletest.RuleTestFile.AlertTest;
import dev.steward.ruletest.RuleTestFile.ExpectedAlert;
import dev.steward.ruletest.RuleTestFile.ExpectedSample;
import dev.steward.ruletest.RuleTestFile.ExprTest;
import dev.steward.ruletest.RuleTestFile.InputSeries;
import dev.steward.ruletest.RuleTestFile.TestGroup;
import dev.steward.stackfile.ConfigError;
import dev.steward.yaml.YamlFields;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a promtool rule unit-test file strictly: unknown fields, wrong types, bad durations, series descriptors and
 * values are all reported with file, line and column, every one at once.
 */
public final class TestFileReader {
    private static final List<String> TOP =
            List.of("rule_files", "evaluation_interval", "group_eval_order", "tests", "fuzzy_compare");
    private static final List<String> GROUP = List.of(
            "name",
            "interval",
            "input_series",
            "alert_rule_test",
            "promql_expr_test",
            "external_labels",
            "external_url");

    private final YamlFields y;

    private TestFileReader(String fileName) {
        this.y = new YamlFields(fileName);
    }

    /** The outcome of reading a test file. */
    public sealed interface Result {
        record Read(RuleTestFile file) implements Result {}

        /** Never empty. */
        record Invalid(List<ConfigError> errors) implements Result {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    /** Reads {@code text}, the content of {@code path} (named as given in errors). */
    public static Result read(String text, Path path) {
        TestFileReader r = new TestFileReader(path.toString());
        Optional<Node> root = r.compose(text);
        RuleTestFile file = root.map(n -> r.file(n, path)).orElse(null);
        if (!r.y.errors().isEmpty() || file == null) {
            return new Result.Invalid(r.y.errors().isEmpty() ? List.of(r.emptyFile()) : r.y.errors());
        }
        return new Result.Read(file);
    }

    private ConfigError emptyFile() {
        y.error(null, "", "the file is empty", null, "a mapping with rule_files and tests");
        return y.errors().getFirst();
    }

    private Optional<Node> compose(String text) {
        return y.compose(text, "test file");
    }

    private RuleTestFile file(Node root, Path path) {
        Map<String, Node> f = y.fields(root, "", TOP, "a mapping with rule_files and tests");
        List<String> ruleFiles = texts(f.get("rule_files"), "rule_files", "a list of rule file paths or globs");
        Duration every = y.duration(f.get("evaluation_interval"), "evaluation_interval", RuleGroup.DEFAULT_INTERVAL)
                .orElse(RuleGroup.DEFAULT_INTERVAL);
        if (every.isZero()) {
            y.error(f.get("evaluation_interval"), "evaluation_interval", "must be positive", "0s", "a duration > 0");
            every = RuleGroup.DEFAULT_INTERVAL;
        }
        List<String> order = texts(f.get("group_eval_order"), "group_eval_order", "a list of group names");
        Set<String> seen = new LinkedHashSet<>();
        for (String g : order) {
            if (!seen.add(g)) {
                y.error(f.get("group_eval_order"), "group_eval_order", "group name repeated", '"' + g + '"', null);
            }
        }
        y.text(f.get("fuzzy_compare"), "fuzzy_compare", "false", "true or false");
        List<TestGroup> tests = new ArrayList<>();
        List<Node> items = y.list(f.get("tests"), "tests", "a list of test groups");
        for (int i = 0; i < items.size(); i++) {
            tests.add(group(items.get(i), "tests[" + i + "]", every));
        }
        return new RuleTestFile(path, ruleFiles, every, order, tests);
    }

    private TestGroup group(Node node, String path, Duration every) {
        Map<String, Node> f = y.fields(node, path, GROUP, "a test group mapping");
        Duration interval =
                y.duration(f.get("interval"), path + ".interval", every).orElse(every);
        if (interval.isZero()) {
            y.error(f.get("interval"), path + ".interval", "must be positive", "0s", "a duration > 0");
            interval = every;
        }
        List<InputSeries> series = new ArrayList<>();
        List<Node> in = y.list(f.get("input_series"), path + ".input_series", "a list of series");
        for (int i = 0; i < in.size(); i++) {
            series(in.get(i), path + ".input_series[" + i + "]").ifPresent(series::add);
        }
        List<AlertTest> alerts = new ArrayList<>();
        List<Node> at = y.list(f.get("alert_rule_test"), path + ".alert_rule_test", "a list of alert tests");
        for (int i = 0; i < at.size(); i++) {
            alertTest(at.get(i), path + ".alert_rule_test[" + i + "]").ifPresent(alerts::add);
        }
        List<ExprTest> exprs = new ArrayList<>();
        List<Node> et = y.list(f.get("promql_expr_test"), path + ".promql_expr_test", "a list of expression tests");
        for (int i = 0; i < et.size(); i++) {
            exprTest(et.get(i), path + ".promql_expr_test[" + i + "]").ifPresent(exprs::add);
        }
        return new TestGroup(
                y.text(f.get("name"), path + ".name", "", "text").orElse(""),
                interval,
                series,
                alerts,
                exprs,
                texts(y.stringMap(
                        f.get("external_labels"), path + ".external_labels", "a mapping of label names to values")),
                y.text(f.get("external_url"), path + ".external_url", "", "a URL")
                        .orElse(""));
    }

    private Optional<InputSeries> series(Node node, String path) {
        Map<String, Node> f = y.fields(node, path, List.of("series", "values"), "a mapping with series and values");
        Optional<Labels> labels =
                required(node, f, "series", path).flatMap(s -> descriptor(f.get("series"), path + ".series", s));
        Optional<List<Double>> values = y.text(f.get("values"), path + ".values", "", "a values string")
                .flatMap(v -> values(f.get("values"), path + ".values", v));
        return labels.isPresent() && values.isPresent()
                ? Optional.of(new InputSeries(labels.get(), values.get()))
                : Optional.empty();
    }

    private Optional<Labels> descriptor(Node node, String path, String text) {
        try {
            return Optional.of(SeriesNotation.labels(text));
        } catch (PromQLException | RuntimeException e) {
            y.error(
                    node,
                    path,
                    "invalid series descriptor (" + e.getMessage() + "):",
                    '"' + text + '"',
                    "a series such as up{job=\"api\",instance=\"a\"}");
            return Optional.empty();
        }
    }

    private Optional<List<Double>> values(Node node, String path, String text) {
        try {
            List<Double> v = SeriesNotation.values(text);
            if (v.stream()
                    .anyMatch(d -> d != null
                            && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(SeriesNotation.HISTOGRAM))) {
                y.error(node, path, "native histogram values are not supported", '"' + text + '"', "float values");
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (RuntimeException e) {
            y.error(node, path, "invalid values", '"' + text + '"', "values such as '1 2 _ stale 3+2x4 _x3'");
            return Optional.empty();
        }
    }

    private Optional<AlertTest> alertTest(Node node, String path) {
        Map<String, Node> f = y.fields(
                node, path, List.of("eval_time", "alertname", "exp_alerts"), "a mapping with eval_time and alertname");
        Optional<Duration> at = y.duration(f.get("eval_time"), path + ".eval_time", Duration.ZERO);
        Optional<String> name = required(node, f, "alertname", path);
        List<ExpectedAlert> expected = new ArrayList<>();
        List<Node> items = y.list(f.get("exp_alerts"), path + ".exp_alerts", "a list of expected alerts");
        for (int i = 0; i < items.size(); i++) {
            String p = path + ".exp_alerts[" + i + "]";
            Map<String, Node> a =
                    y.fields(items.get(i), p, List.of("exp_labels", "exp_annotations"), "a mapping with exp_labels");
            expected.add(new ExpectedAlert(
                    texts(y.stringMap(a.get("exp_labels"), p + ".exp_labels", "a mapping of label names to values")),
                    texts(y.stringMap(
                            a.get("exp_annotations"), p + ".exp_annotations", "a mapping of names to text"))));
        }
        return at.isPresent() && name.isPresent()
                ? Optional.of(new AlertTest(at.get(), name.get(), expected))
                : Optional.empty();
    }

    private Optional<ExprTest> exprTest(Node node, String path) {
        Map<String, Node> f =
                y.fields(node, path, List.of("expr", "eval_time", "exp_samples"), "a mapping with expr and eval_time");
        Optional<String> expr = required(node, f, "expr", path);
        Optional<Duration> at = y.duration(f.get("eval_time"), path + ".eval_time", Duration.ZERO);
        List<ExpectedSample> expected = new ArrayList<>();
        List<Node> items = y.list(f.get("exp_samples"), path + ".exp_samples", "a list of expected samples");
        for (int i = 0; i < items.size(); i++) {
            String p = path + ".exp_samples[" + i + "]";
            Map<String, Node> s = y.fields(items.get(i), p, List.of("labels", "value"), "a mapping with labels, value");
            Optional<Labels> labels = y.text(s.get("labels"), p + ".labels", "{}", "a series such as up{job=\"x\"}")
                    .flatMap(l -> descriptor(s.get("labels"), p + ".labels", l.isBlank() ? "{}" : l));
            Optional<Double> value = y.text(s.get("value"), p + ".value", "0", "a number")
                    .flatMap(v -> number(s.get("value"), p + ".value", v));
            if (labels.isPresent() && value.isPresent()) {
                expected.add(new ExpectedSample(labels.get(), value.get()));
            }
        }
        return expr.isPresent() && at.isPresent()
                ? Optional.of(new ExprTest(expr.get(), at.get(), expected))
                : Optional.empty();
    }

    private Optional<Double> number(Node node, String path, String text) {
        try {
            String t = text.trim();
            // YAML's spellings of NaN and infinities: .nan, .inf, -.inf, +.inf
            String yaml = t.replaceFirst("^([+-]?)\\.(?i)(nan|inf)$", "$1$2");
            return Optional.of(Numbers.parse(yaml));
        } catch (RuntimeException e) {
            y.error(node, path, "invalid number", '"' + text + '"', "a number such as 1, 0.5, 1e3, NaN, +Inf");
            return Optional.empty();
        }
    }

    private Optional<String> required(Node parent, Map<String, Node> fields, String key, String path) {
        Optional<String> v = y.text(fields.get(key), path + "." + key, null, "text");
        if (YamlFields.isNull(fields.get(key))) {
            y.error(fields.get(key) == null ? parent : fields.get(key), path + "." + key, "missing", null, key);
            return Optional.empty();
        }
        if (v.isPresent() && v.get().isBlank()) {
            y.error(fields.get(key), path + "." + key, "empty", null, "a non-empty " + key);
            return Optional.empty();
        }
        return v;
    }

    private List<String> texts(Node node, String path, String expected) {
        List<String> out = new ArrayList<>();
        List<Node> items = y.list(node, path, expected);
        for (int i = 0; i < items.size(); i++) {
            y.text(items.get(i), path + "[" + i + "]", null, "text").ifPresent(out::add);
        }
        return out;
    }

    /** The texts of a mapping read by {@link YamlFields#stringMap}, without their nodes. */
    private static Map<String, String> texts(Map<String, Map.Entry<Node, String>> entries) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, v.getValue()));
        return out;
    }
}
