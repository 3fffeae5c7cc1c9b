package dev.steward.stackfile;

import dev.steward.core.deploy.AnalysisMetric;
import dev.steward.core.deploy.AnalysisTemplate;
import dev.steward.core.deploy.Condition;
import dev.steward.core.deploy.StatisticalGate;
import dev.steward.core.promql.parse.ParseException;
import dev.steward.core.promql.parse.Parser;
import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Mapping;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code analyses:} (top-level, or in a service's {@code deploy:}): templates by name, each with PromQL
 * metrics judged by conditions and Mann-Whitney gates comparing canary with baseline. Every query must parse.
 */
final class AnalysisReader {
    static final List<String> KEYS = List.of(
            "interval",
            "failure_limit",
            "inconclusive_limit",
            "error_limit",
            "insufficient_limit",
            "min_samples",
            "metrics",
            "statistical");
    static final List<String> METRIC_KEYS = List.of("name", "query", "success", "failure");
    static final List<String> STATISTICAL_KEYS = List.of("name", "mann_whitney");
    static final List<String> MANN_WHITNEY_KEYS = List.of("canary", "baseline", "confidence", "min_samples");
    private static final String LIMIT = "a whole number from 0 to 1000";

    private final NodeReader r;
    private final java.util.Set<String> declared = new java.util.LinkedHashSet<>();

    AnalysisReader(NodeReader reader) {
        this.r = reader;
    }

    /** Every analysis name this reader saw, valid or not: a reference to an invalid one is not a second error. */
    java.util.Set<String> declared() {
        return declared;
    }

    Map<String, AnalysisTemplate> templates(YamlNode node, String path) {
        Map<String, AnalysisTemplate> out = new LinkedHashMap<>();
        if (!(node instanceof Mapping m)) {
            r.wrongType(node, path, "a mapping of analysis names to analyses");
            return out;
        }
        for (Entry e : m.entries()) {
            String p = KeyPath.key(path, e.key().value());
            r.name(e.key(), p, "analysis name")
                    .map(name -> {
                        declared.add(name);
                        return name;
                    })
                    .flatMap(name -> template(name, e.value(), p))
                    .ifPresent(t -> out.put(t.name(), t));
        }
        return out;
    }

    private Optional<AnalysisTemplate> template(String name, YamlNode node, String path) {
        Optional<Fields> fields =
                r.fields(node, path, "a mapping with metrics or statistical, and optional limits", KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = r.diagnostics.count();
        Duration interval = f.get("interval")
                .flatMap(n -> r.duration(n, f.path("interval")))
                .orElse(AnalysisTemplate.DEFAULT_INTERVAL);
        int failureLimit = count(f, "failure_limit", 0, AnalysisTemplate.DEFAULT_FAILURE_LIMIT);
        int inconclusiveLimit = count(f, "inconclusive_limit", 0, AnalysisTemplate.DEFAULT_INCONCLUSIVE_LIMIT);
        int errorLimit = count(f, "error_limit", 0, AnalysisTemplate.DEFAULT_ERROR_LIMIT);
        int insufficientLimit = count(f, "insufficient_limit", 0, AnalysisTemplate.DEFAULT_INSUFFICIENT_LIMIT);
        int minSamples = count(f, "min_samples", 1, AnalysisTemplate.DEFAULT_MIN_SAMPLES);
        Map<String, String> seen = new HashMap<>();
        List<AnalysisMetric> metrics = new ArrayList<>();
        f.get("metrics")
                .ifPresent(n -> items(
                        n,
                        f.path("metrics"),
                        "a list of metrics",
                        (item, p) -> metric(item, p, seen).ifPresent(metrics::add)));
        List<StatisticalGate> statistical = new ArrayList<>();
        f.get("statistical")
                .ifPresent(n -> items(
                        n,
                        f.path("statistical"),
                        "a list of statistical gates",
                        (item, p) -> statistical(item, p, seen).ifPresent(statistical::add)));
        if (!f.has("metrics") && !f.has("statistical")) {
            r.diagnostics.add(
                    f.mapping(),
                    f.path("metrics"),
                    "nothing to measure",
                    null,
                    "metrics (PromQL queries with conditions) or statistical (Mann-Whitney gates)");
        }
        if (r.diagnostics.count() != before) {
            return Optional.empty();
        }
        return Optional.of(new AnalysisTemplate(
                name,
                metrics,
                statistical,
                interval,
                failureLimit,
                inconclusiveLimit,
                errorLimit,
                insufficientLimit,
                minSamples));
    }

    private int count(Fields f, String key, int min, int otherwise) {
        return f.get(key)
                .flatMap(n -> r.integer(n, f.path(key), min, 1000, min == 0 ? LIMIT : "a whole number from 1 to 1000"))
                .orElse(otherwise);
    }

    private void items(
            YamlNode node, String path, String expected, java.util.function.BiConsumer<YamlNode, String> each) {
        List<YamlNode> items = r.list(node, path, expected).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            each.accept(items.get(i), KeyPath.index(path, i));
        }
    }

    private Optional<String> uniqueName(Fields f, Map<String, String> seen) {
        Optional<String> name =
                r.require(f, "name", NodeReader.NAME_EXPECTED).flatMap(n -> r.name(n, f.path("name"), "metric name"));
        if (name.isPresent()) {
            String previous = seen.putIfAbsent(name.get(), f.path());
            if (previous != null) {
                r.diagnostics.add(
                        f.get("name").orElseThrow(),
                        f.path("name"),
                        "duplicate metric name",
                        Quote.of(name.get()),
                        "names unique within the analysis (first at " + previous + ")");
                return Optional.empty();
            }
        }
        return name;
    }

    private Optional<AnalysisMetric> metric(YamlNode node, String path, Map<String, String> seen) {
        return r.fields(node, path, "a mapping with name, query and success and/or failure", METRIC_KEYS)
                .flatMap(f -> {
                    Optional<String> name = uniqueName(f, seen);
                    Optional<String> query =
                            r.require(f, "query", "a PromQL query").flatMap(n -> query(n, f.path("query")));
                    Optional<Condition> success = f.get("success").flatMap(n -> condition(n, f.path("success")));
                    Optional<Condition> failure = f.get("failure").flatMap(n -> condition(n, f.path("failure")));
                    if (!f.has("success") && !f.has("failure")) {
                        r.diagnostics.add(
                                f.mapping(),
                                f.path("failure"),
                                "no condition",
                                null,
                                "failure and/or success, such as failure: 'result > 0.01'");
                        return Optional.empty();
                    }
                    if (name.isEmpty() || query.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new AnalysisMetric(name.get(), query.get(), success, failure));
                });
    }

    private Optional<StatisticalGate> statistical(YamlNode node, String path, Map<String, String> seen) {
        return r.fields(node, path, "a mapping with name and mann_whitney", STATISTICAL_KEYS)
                .flatMap(f -> {
                    Optional<String> name = uniqueName(f, seen);
                    Optional<Fields> mw = r.require(f, "mann_whitney", "a mapping with canary and baseline queries")
                            .flatMap(n -> r.fields(
                                    n,
                                    f.path("mann_whitney"),
                                    "a mapping with canary, baseline and optional confidence, min_samples",
                                    MANN_WHITNEY_KEYS));
                    if (mw.isEmpty()) {
                        return Optional.empty();
                    }
                    Fields m = mw.get();
                    Optional<String> canary = r.require(m, "canary", "a PromQL query for the canary's samples")
                            .flatMap(n -> query(n, m.path("canary")));
                    Optional<String> baseline = r.require(m, "baseline", "a PromQL query for the baseline's samples")
                            .flatMap(n -> query(n, m.path("baseline")));
                    double confidence = m.get("confidence")
                            .flatMap(n -> confidence(n, m.path("confidence")))
                            .orElse(StatisticalGate.DEFAULT_CONFIDENCE);
                    int minSamples = m.get("min_samples")
                            .flatMap(n ->
                                    r.integer(n, m.path("min_samples"), 3, 100000, "a whole number from 3 to 100000"))
                            .orElse(StatisticalGate.DEFAULT_MIN_SAMPLES);
                    if (name.isEmpty() || canary.isEmpty() || baseline.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(
                            new StatisticalGate(name.get(), canary.get(), baseline.get(), confidence, minSamples));
                });
    }

    private Optional<Double> confidence(YamlNode node, String path) {
        String expected = "a confidence level above 0.5 and below 1, such as 0.95";
        Optional<Scalar> s = r.scalar(node, path, expected);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(s.get().value());
            if (v > 0.5 && v < 1) {
                return Optional.of(v);
            }
            r.diagnostics.add(node, path, "out of range:", s.get().value(), expected);
        } catch (NumberFormatException e) {
            r.wrongType(node, path, expected);
        }
        return Optional.empty();
    }

    private Optional<Condition> condition(YamlNode node, String path) {
        Optional<Scalar> s = r.scalar(node, path, Condition.EXPECTED);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<Condition> c = Condition.parse(s.get().value());
        if (c.isEmpty()) {
            r.diagnostics.add(node, path, "invalid condition", Quote.of(s.get().value()), Condition.EXPECTED);
        }
        return c;
    }

    /** A PromQL query that parses; the error points into the query where the parser stopped. */
    Optional<String> query(YamlNode node, String path) {
        Optional<Scalar> s = r.scalar(node, path, "a PromQL query");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Parser.parse(s.get().value());
            return Optional.of(s.get().value());
        } catch (ParseException e) {
            r.diagnostics.add(
                    r.columns().at(s.get(), e.position()),
                    path,
                    "invalid PromQL: " + e.reason(),
                    Quote.of(s.get().value()),
                    "a PromQL query");
            return Optional.empty();
        } catch (RuntimeException e) {
            r.diagnostics.add(
                    node,
                    path,
                    "invalid PromQL: " + e.getMessage(),
                    Quote.of(s.get().value()),
                    "a PromQL query");
            return Optional.empty();
        }
    }
}
