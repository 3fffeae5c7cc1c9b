package dev.steward.stackfile;

import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.PromDuration;
import dev.steward.core.rule.Rule;
import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.RuleGroup;
import dev.steward.stackfile.YamlNode.Scalar;
import dev.steward.stackfile.YamlNode.ScalarType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads rule groups in Prometheus's rule-file shape ({@code groups: [{name, interval, limit, query_offset, labels,
 * rules}]}), strictly: unknown keys, repeated group names, bad durations, invalid record and label names, missing or
 * unparsable expressions and templates are errors with their positions. Used for rule files and for the stack file's
 * inline {@code rule_groups}.
 */
final class RuleGroupReader {
    static final List<String> GROUP_KEYS = List.of("name", "interval", "limit", "query_offset", "labels", "rules");
    static final String METRIC_NAME_EXPECTED = "a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*";
    static final String LABEL_NAME_EXPECTED = "a label name matching [a-zA-Z_][a-zA-Z0-9_]*, not __name__";
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final NodeReader r;
    private final RuleReader rules;
    private final String file;

    RuleGroupReader(NodeReader reader, RuleDialect dialect, ExpressionCheck expressions, String file) {
        this.r = reader;
        this.rules = new RuleReader(this, reader, dialect, expressions);
        this.file = file;
    }

    /** An optional PromQL expression under {@code key}, checked like a rule's {@code expr}. */
    Optional<String> expression(Fields f, String key) {
        return rules.expression(f, key, false);
    }

    /** The groups of a {@code groups:} list at {@code path}; invalid groups are reported and left out. */
    List<RuleGroup> groups(YamlNode node, String path) {
        List<RuleGroup> out = new ArrayList<>();
        Map<String, String> firstPath = new HashMap<>();
        List<YamlNode> items = r.list(node, path, "a list of rule groups").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            group(items.get(i), p, firstPath).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private Optional<RuleGroup> group(YamlNode node, String path, Map<String, String> firstPath) {
        Optional<Fields> fields = r.fields(
                node,
                path,
                "a rule group with name, rules and optional interval, limit, " + "query_offset, labels",
                GROUP_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        Optional<String> name = r.require(f, "name", "a group name").flatMap(n -> groupName(n, f.path("name")));
        name.ifPresent(n -> {
            String previous = firstPath.putIfAbsent(n, path);
            if (previous != null) {
                r.diagnostics.add(
                        f.get("name").orElseThrow(),
                        f.path("name"),
                        "repeated group name",
                        Quote.of(n),
                        "group names unique within a file (first at " + previous + ")");
            }
        });
        Duration interval = f.get("interval")
                .flatMap(n -> duration(n, f.path("interval")))
                .filter(d -> !d.isZero())
                .orElse(RuleGroup.DEFAULT_INTERVAL);
        int limit = f.get("limit")
                .flatMap(n -> r.integer(n, f.path("limit"), 0, Integer.MAX_VALUE, "a whole number, 0 for no limit"))
                .orElse(0);
        Duration offset = f.get("query_offset")
                .flatMap(n -> duration(n, f.path("query_offset")))
                .orElse(Duration.ZERO);
        Map<String, String> labels =
                f.get("labels").map(n -> labels(n, f.path("labels"))).orElse(Map.of());
        List<Rule> list = new ArrayList<>();
        f.get("rules")
                .flatMap(n -> r.list(n, f.path("rules"), "a list of recording and alerting rules"))
                .ifPresent(items -> {
                    for (int i = 0; i < items.size(); i++) {
                        rules.rule(items.get(i), KeyPath.index(f.path("rules"), i), labels)
                                .ifPresent(list::add);
                    }
                });
        if (r.diagnostics.count() != errorsBefore || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleGroup(name.get(), file, interval, limit, offset, labels, list));
    }

    private Optional<String> groupName(YamlNode node, String path) {
        Optional<Scalar> s = r.scalar(node, path, "a group name");
        if (s.isPresent() && s.get().value().isBlank()) {
            r.diagnostics.add(node, path, "empty group name", null, "a group name");
            return Optional.empty();
        }
        return s.map(Scalar::value);
    }

    /** A Prometheus duration, zero allowed. */
    Optional<Duration> duration(YamlNode node, String path) {
        Optional<Scalar> s = r.scalar(node, path, PromDuration.EXAMPLES);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = PromDuration.parse(s.get().value());
        if (d.isEmpty()) {
            String hint = s.get().type() == ScalarType.INT ? " (a unit is required)" : "";
            r.diagnostics.add(
                    node, path, "invalid duration" + hint, Quote.of(s.get().value()), PromDuration.EXAMPLES);
        }
        return d;
    }

    /** Text of any scalar (numbers and booleans as written); null counts as empty text. */
    Optional<String> text(YamlNode node, String path, String expected) {
        if (node instanceof Scalar s) {
            return Optional.of(s.type() == ScalarType.NULL ? "" : s.value());
        }
        r.wrongType(node, path, expected);
        return Optional.empty();
    }

    /** Label names as in Prometheus ({@code __name__} excepted), values as text; not templates. */
    Map<String, String> labels(YamlNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Scalar, YamlNode> e :
                entries(node, path, "a mapping of label names to values").entrySet()) {
            String name = e.getKey().value();
            String p = KeyPath.key(path, name);
            if (!validLabelName(name)) {
                r.diagnostics.add(e.getKey(), p, "invalid label name", Quote.of(name), LABEL_NAME_EXPECTED);
                continue;
            }
            text(e.getValue(), p, "a label value").ifPresent(v -> out.put(name, v));
        }
        return out;
    }

    Map<Scalar, YamlNode> entries(YamlNode node, String path, String expected) {
        Map<Scalar, YamlNode> out = new LinkedHashMap<>();
        if (node instanceof YamlNode.Scalar s && s.type() == ScalarType.NULL) {
            return out;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            r.wrongType(node, path, expected);
            return out;
        }
        m.entries().forEach(e -> out.put(e.key(), e.value()));
        return out;
    }

    static boolean validLabelName(String name) {
        return LABEL_NAME.matcher(name).matches() && !name.equals("__name__");
    }

    static boolean validMetricName(String name) {
        return METRIC_NAME.matcher(name).matches();
    }
}
