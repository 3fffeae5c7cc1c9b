package dev.steward.stackfile;

import dev.steward.core.rule.AlertingRule;
import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.FireAfter;
import dev.steward.core.rule.RecordingRule;
import dev.steward.core.rule.Rule;
import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.template.Template;
import dev.steward.core.rule.template.TemplateParse;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one recording or alerting rule of a rule group. */
final class RuleReader {
    static final List<String> PROMETHEUS_KEYS =
            List.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");
    static final List<String> EXTENSION_KEYS = List.of("resolve_when", "fire_after");
    static final List<String> STEWARD_KEYS = java.util.stream.Stream.concat(
                    PROMETHEUS_KEYS.stream(), EXTENSION_KEYS.stream())
            .toList();
    private static final String TEMPLATE_EXPECTED = "a Go template such as {{ $labels.instance }}";

    private final RuleGroupReader groups;
    private final NodeReader r;
    private final RuleDialect dialect;
    private final ExpressionCheck expressions;

    RuleReader(RuleGroupReader groups, NodeReader reader, RuleDialect dialect, ExpressionCheck expressions) {
        this.groups = groups;
        this.r = reader;
        this.dialect = dialect;
        this.expressions = expressions;
    }

    Optional<Rule> rule(YamlNode node, String path, Map<String, String> groupLabels) {
        String expected = "a rule with record or alert, expr and optional labels (alerting rules: for, "
                + "keep_firing_for, annotations)";
        Optional<Fields> fields = r.fields(node, path, expected, STEWARD_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        if (dialect == RuleDialect.PROMETHEUS) {
            EXTENSION_KEYS.forEach(key -> f.keyNode(key)
                    .ifPresent(k -> r.diagnostics.add(
                            k,
                            f.path(key),
                            "a Steward extension, not accepted in Prometheus mode:",
                            Quote.of(key),
                            "one of " + String.join(", ", PROMETHEUS_KEYS))));
        }
        Optional<String> record = f.get("record").flatMap(n -> groups.text(n, f.path("record"), "a metric name"));
        Optional<String> alert = f.get("alert").flatMap(n -> groups.text(n, f.path("alert"), "an alert name"));
        if (f.has("record") && f.has("alert")) {
            r.diagnostics.add(
                    f.keyNode("alert").orElseThrow(),
                    f.path("alert"),
                    "both record and alert in one rule",
                    null,
                    "either record (a recording rule) or alert (an alerting rule)");
        } else if (!f.has("record") && !f.has("alert")) {
            r.diagnostics.add(
                    f.mapping(),
                    path,
                    "missing record or alert",
                    null,
                    "record (a recording rule) or alert (an alerting rule)");
        }
        Optional<String> expr = expression(f, "expr", true);
        Map<String, String> labels = new LinkedHashMap<>(groupLabels);
        labels.putAll(
                f.get("labels").map(n -> groups.labels(n, f.path("labels"))).orElse(Map.of()));
        Optional<Rule> rule = f.has("record") && !f.has("alert")
                ? record.flatMap(name -> recording(f, name, expr, labels))
                : alert.flatMap(name -> alerting(f, name, expr, labels));
        return r.diagnostics.count() == errorsBefore ? rule : Optional.empty();
    }

    private Optional<Rule> recording(Fields f, String record, Optional<String> expr, Map<String, String> labels) {
        if (!RuleGroupReader.validMetricName(record)) {
            r.diagnostics.add(
                    f.get("record").orElseThrow(),
                    f.path("record"),
                    "invalid recording rule name",
                    Quote.of(record),
                    RuleGroupReader.METRIC_NAME_EXPECTED);
        }
        List<String> alertingOnly = dialect == RuleDialect.STEWARD
                ? List.of("annotations", "for", "keep_firing_for", "resolve_when", "fire_after")
                : List.of("annotations", "for", "keep_firing_for");
        for (String key : alertingOnly) {
            f.keyNode(key).ifPresent(k -> {
                boolean zeroDuration = (key.equals("for") || key.equals("keep_firing_for"))
                        && groups.duration(f.get(key).orElseThrow(), f.path(key))
                                .map(Duration::isZero)
                                .orElse(true);
                if (!zeroDuration) {
                    r.diagnostics.add(
                            k,
                            f.path(key),
                            "invalid field " + Quote.of(key) + " in a recording rule",
                            null,
                            "record, expr and labels only (" + key + " belongs to alerting rules)");
                }
            });
        }
        return expr.map(e -> new RecordingRule(record, e, labels));
    }

    private Optional<Rule> alerting(Fields f, String alert, Optional<String> expr, Map<String, String> labels) {
        if (alert.isBlank()) {
            r.diagnostics.add(f.get("alert").orElseThrow(), f.path("alert"), "empty alert name", null, "an alert name");
        }
        Duration holdFor =
                f.get("for").flatMap(n -> groups.duration(n, f.path("for"))).orElse(Duration.ZERO);
        Duration keepFiringFor = f.get("keep_firing_for")
                .flatMap(n -> groups.duration(n, f.path("keep_firing_for")))
                .orElse(Duration.ZERO);
        Map<String, Template> labelTemplates = labelTemplates(f, labels);
        Map<String, Template> annotations = annotations(f);
        Optional<String> resolveWhen = expression(f, "resolve_when", false);
        Optional<FireAfter> fireAfter = f.get("fire_after").flatMap(n -> fireAfter(n, f.path("fire_after")));
        return expr.map(e -> new AlertingRule(
                alert, e, holdFor, keepFiringFor, labelTemplates, annotations, resolveWhen, fireAfter));
    }

    /** The alert's labels (the group's merged in) as templates; errors point at the rule's label when it has one. */
    private Map<String, Template> labelTemplates(Fields f, Map<String, String> labels) {
        Map<String, Template> out = new LinkedHashMap<>();
        Map<Scalar, YamlNode> written = f.get("labels")
                .map(n -> groups.entries(n, f.path("labels"), "a mapping of label names to values"))
                .orElse(Map.of());
        labels.forEach((name, value) -> {
            Optional<YamlNode> at = written.entrySet().stream()
                    .filter(e -> e.getKey().value().equals(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
            String p = KeyPath.key(f.path("labels"), name) + (at.isEmpty() ? " (from the group's labels)" : "");
            template(value, at.orElse(f.mapping()), p).ifPresent(t -> out.put(name, t));
        });
        return out;
    }

    private Map<String, Template> annotations(Fields f) {
        Map<String, Template> out = new LinkedHashMap<>();
        if (f.get("annotations").isEmpty()) {
            return out;
        }
        String path = f.path("annotations");
        groups.entries(f.get("annotations").get(), path, "a mapping of annotation names to templates")
                .forEach((key, value) -> {
                    String p = KeyPath.key(path, key.value());
                    if (!RuleGroupReader.validLabelName(key.value())) {
                        r.diagnostics.add(
                                key,
                                p,
                                "invalid annotation name",
                                Quote.of(key.value()),
                                RuleGroupReader.LABEL_NAME_EXPECTED);
                        return;
                    }
                    groups.text(value, p, "an annotation template")
                            .flatMap(text -> template(text, value, p))
                            .ifPresent(t -> out.put(key.value(), t));
                });
        return out;
    }

    private Optional<Template> template(String text, YamlNode at, String path) {
        return switch (Template.parse(text)) {
            case TemplateParse.Parsed(Template t) -> Optional.of(t);
            case TemplateParse.Invalid(String message, int offset) -> {
                YamlNode.Position where = at instanceof Scalar s ? r.columns().at(s, offset) : at.start();
                r.diagnostics.add(where, path, "invalid template: " + message, Quote.of(text), TEMPLATE_EXPECTED);
                yield Optional.empty();
            }
        };
    }

    /** A PromQL expression under {@code key}, checked by the expression hook. */
    Optional<String> expression(Fields f, String key, boolean required) {
        Optional<YamlNode> node = required ? r.require(f, key, "a PromQL expression") : f.get(key);
        Optional<String> text = node.flatMap(n -> groups.text(n, f.path(key), "a PromQL expression"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            r.diagnostics.add(node.get(), f.path(key), "empty expression", null, "a PromQL expression");
            return Optional.empty();
        }
        Optional<ExpressionCheck.Problem> problem = expressions.check(text.get());
        if (problem.isPresent()) {
            YamlNode n = node.get();
            YamlNode.Position where = n instanceof Scalar s && problem.get().offset() >= 0
                    ? r.columns().at(s, problem.get().offset())
                    : n.start();
            r.diagnostics.add(
                    where,
                    f.path(key),
                    "invalid expression: " + problem.get().message(),
                    Quote.of(text.get()),
                    "a PromQL expression");
            return Optional.empty();
        }
        return text;
    }

    private Optional<FireAfter> fireAfter(YamlNode node, String path) {
        Optional<String> text = groups.text(node, path, FireAfter.EXAMPLES);
        Optional<FireAfter> parsed = text.flatMap(FireAfter::parse);
        if (text.isPresent() && parsed.isEmpty()) {
            r.diagnostics.add(node, path, "invalid fire_after", Quote.of(text.get()), FireAfter.EXAMPLES);
        }
        return parsed;
    }
}
