package dev.steward.stackfile;

import dev.steward.core.deploy.AnalysisTemplate;
import dev.steward.core.deploy.CapacityGate;
import dev.steward.core.deploy.GatePresets;
import dev.steward.core.deploy.Gates;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code deploy.gates}: an optional {@code preset} (with {@code business_metric}), then {@code before}, {@code
 * during} and {@code after}, each replacing the preset's part when written. Without {@code gates:} every before-gate
 * holds, health checks judge every step, and the validation window is 5 minutes.
 */
final class GatesReader {
    static final Gates NONE = new Gates(Gates.Before.ALL, List.of(), Gates.DEFAULT_VALIDATION, Optional.empty());
    static final List<String> KEYS = List.of("preset", "business_metric", "before", "during", "after", "rollback");
    static final List<String> ROLLBACK_KEYS = List.of("capacity", "needed");
    static final List<String> BEFORE_KEYS =
            List.of("checks_healthy", "no_critical_incident", "not_frozen", "previous_environment");
    static final List<String> AFTER_KEYS = List.of("validation", "analysis");
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final NodeReader r;
    private final AnalysisNames names;
    private final AnalysisReader queries;

    GatesReader(NodeReader reader, AnalysisNames names, AnalysisReader queries) {
        this.r = reader;
        this.names = names;
        this.queries = queries;
    }

    /** Adds the preset's analysis to {@code own} (unless the service wrote one of that name) before checking refs. */
    Gates read(String service, YamlNode node, String path, Map<String, AnalysisTemplate> own) {
        Optional<Fields> fields = r.fields(node, path, "a mapping of " + String.join(", ", KEYS), KEYS);
        if (fields.isEmpty()) {
            return NONE;
        }
        Fields f = fields.get();
        Gates base = NONE;
        Optional<String> preset = f.get("preset").flatMap(n -> preset(n, f.path("preset")));
        Optional<String> business = f.get("business_metric").flatMap(n -> businessMetric(n, f.path("business_metric")));
        if (f.has("business_metric") && !f.has("preset")) {
            r.diagnostics.add(
                    f.get("business_metric").orElseThrow(),
                    f.path("business_metric"),
                    "business_metric without a preset",
                    null,
                    "preset: default (whose analysis uses it)");
        }
        if (preset.isPresent()) {
            base = GatePresets.gates(preset.get());
            own.putIfAbsent(GatePresets.DEFAULT, GatePresets.defaultAnalysis(service, business));
        }
        Gates.Before before =
                f.get("before").map(n -> before(n, f.path("before"))).orElse(base.before());
        List<String> during =
                f.get("during").map(n -> during(n, f.path("during"))).orElse(base.during());
        Duration validation = base.validation();
        Optional<String> afterAnalysis = base.afterAnalysis();
        if (f.has("after")) {
            Optional<Fields> after = r.fields(
                    f.get("after").orElseThrow(),
                    f.path("after"),
                    "a mapping with validation and optional analysis",
                    AFTER_KEYS);
            if (after.isPresent()) {
                Fields a = after.get();
                validation = a.get("validation")
                        .flatMap(n -> DeployReader.nonNegative(r, n, a.path("validation")))
                        .orElse(validation);
                afterAnalysis = a.has("analysis")
                        ? a.get("analysis").flatMap(n -> names.ref(n, a.path("analysis")))
                        : afterAnalysis;
            }
        }
        Optional<CapacityGate> capacity = f.get("rollback").flatMap(n -> rollback(n, f.path("rollback")));
        return new Gates(before, during, validation, afterAnalysis, capacity);
    }

    /** {@code rollback: {capacity: <PromQL>, needed: 2}}: the stable version's ready instances a rollback waits for. */
    private Optional<CapacityGate> rollback(YamlNode node, String path) {
        return r.fields(
                        node,
                        path,
                        "a mapping with capacity (a PromQL query counting the stable version's ready instances) and"
                                + " needed (default 1)",
                        ROLLBACK_KEYS)
                .flatMap(f -> {
                    Optional<String> query = r.require(
                                    f, "capacity", "a PromQL query counting the stable version's ready instances")
                            .flatMap(n -> queries.query(n, f.path("capacity")));
                    int needed = f.get("needed")
                            .flatMap(n -> r.integer(n, f.path("needed"), 1, 100_000, "an integer from 1 to 100000"))
                            .orElse(1);
                    return query.map(q -> new CapacityGate(q, needed));
                });
    }

    private Optional<String> preset(YamlNode node, String path) {
        Optional<String> name = r.scalar(node, path, "one of " + String.join(", ", GatePresets.NAMES))
                .map(Scalar::value);
        if (name.isPresent() && !GatePresets.NAMES.contains(name.get())) {
            r.diagnostics.add(
                    node,
                    path,
                    "unknown gate preset",
                    Quote.of(name.get()),
                    "one of " + String.join(", ", GatePresets.NAMES));
            return Optional.empty();
        }
        return name;
    }

    private Optional<String> businessMetric(YamlNode node, String path) {
        String expected = "a metric name prefix such as checkout (checkout_total and checkout_failed_total)";
        Optional<String> name = r.scalar(node, path, expected).map(Scalar::value);
        if (name.isPresent() && !METRIC.matcher(name.get()).matches()) {
            r.diagnostics.add(node, path, "invalid metric name", Quote.of(name.get()), expected);
            return Optional.empty();
        }
        return name;
    }

    private Gates.Before before(YamlNode node, String path) {
        return r.fields(node, path, "a mapping of " + String.join(", ", BEFORE_KEYS) + " (true or false)", BEFORE_KEYS)
                .map(f -> new Gates.Before(
                        flag(f, "checks_healthy"),
                        flag(f, "no_critical_incident"),
                        flag(f, "not_frozen"),
                        flag(f, "previous_environment")))
                .orElse(Gates.Before.ALL);
    }

    private boolean flag(Fields f, String key) {
        return f.get(key).flatMap(n -> r.bool(n, f.path(key))).orElse(true);
    }

    private List<String> during(YamlNode node, String path) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = r.list(node, path, "a list of analysis names").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            names.ref(items.get(i), KeyPath.index(path, i)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
