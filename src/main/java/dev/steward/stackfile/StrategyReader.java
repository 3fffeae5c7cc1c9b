package dev.steward.stackfile;

import dev.steward.core.deploy.CanaryStep;
import dev.steward.core.deploy.Pause;
import dev.steward.core.deploy.Strategy;
import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Mapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code deploy.strategy}: one of {@code rolling: {batches, pause}}, {@code blue_green: {keep_warm}} or {@code
 * canary: {steps: [{weight | replicas, pause, analysis, irreversible}]}}; canary weights must increase, up to 100.
 */
final class StrategyReader {
    static final Duration DEFAULT_KEEP_WARM = Duration.ofMinutes(10);
    static final List<String> ROLLING_KEYS = List.of("batches", "pause");
    static final List<String> BLUE_GREEN_KEYS = List.of("keep_warm");
    static final List<String> CANARY_KEYS = List.of("steps");
    static final List<String> STEP_KEYS = List.of("weight", "replicas", "pause", "analysis", "irreversible");

    private final NodeReader r;
    private final AnalysisNames names;

    StrategyReader(NodeReader reader, AnalysisNames names) {
        this.r = reader;
        this.names = names;
    }

    Optional<Strategy> read(YamlNode node, String path) {
        String expected = "a mapping with one of rolling, blue_green, canary";
        if (!(node instanceof Mapping m) || m.entries().size() != 1) {
            r.diagnostics.add(node, path, "a strategy needs exactly one kind", YamlNode.describe(node), expected);
            return Optional.empty();
        }
        Entry e = m.entries().getFirst();
        String p = KeyPath.key(path, e.key().value());
        return switch (e.key().value()) {
            case "rolling" -> rolling(e.value(), p);
            case "blue_green" -> blueGreen(e.value(), p);
            case "canary" -> canary(e.value(), p);
            default -> {
                r.diagnostics.add(
                        e.key(),
                        p,
                        "unknown strategy",
                        Quote.of(e.key().value()),
                        Suggestion.allowedKeys(e.key().value(), DeployReader.STRATEGIES));
                yield Optional.empty();
            }
        };
    }

    private Optional<Strategy> rolling(YamlNode node, String path) {
        return r.fields(node, path, "a mapping with batches and optional pause", ROLLING_KEYS)
                .flatMap(f -> {
                    Optional<Integer> batches = r.require(f, "batches", "a whole number from 1 to 100")
                            .flatMap(n -> r.integer(n, f.path("batches"), 1, 100, "a whole number from 1 to 100"));
                    Duration pause = f.get("pause")
                            .flatMap(n -> DeployReader.nonNegative(r, n, f.path("pause")))
                            .orElse(Duration.ZERO);
                    return batches.map(b -> new Strategy.Rolling(b, pause));
                });
    }

    private Optional<Strategy> blueGreen(YamlNode node, String path) {
        return r.fields(node, path, "a mapping with optional keep_warm", BLUE_GREEN_KEYS)
                .map(f -> new Strategy.BlueGreen(f.get("keep_warm")
                        .flatMap(n -> DeployReader.nonNegative(r, n, f.path("keep_warm")))
                        .orElse(DEFAULT_KEEP_WARM)));
    }

    private Optional<Strategy> canary(YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with steps", CANARY_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        List<YamlNode> items = r.require(f, "steps", "a list of steps such as [{weight: 10, pause: 5m}]")
                .flatMap(n -> r.list(n, f.path("steps"), "a list of steps"))
                .orElse(List.of());
        if (f.has("steps") && items.isEmpty()) {
            r.diagnostics.add(f.get("steps").orElseThrow(), f.path("steps"), "no steps", null, "at least one step");
        }
        int before = r.diagnostics.count();
        List<CanaryStep> steps = new ArrayList<>();
        int lastWeight = 0;
        for (int i = 0; i < items.size(); i++) {
            Optional<CanaryStep> step = step(items.get(i), KeyPath.index(f.path("steps"), i), lastWeight);
            if (step.isPresent()) {
                steps.add(step.get());
                lastWeight = step.get().weight().orElse(lastWeight);
            }
        }
        if (r.diagnostics.count() != before || items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Strategy.Canary(steps));
    }

    private Optional<CanaryStep> step(YamlNode node, String path, int lastWeight) {
        return r.fields(
                        node,
                        path,
                        "a mapping with weight or replicas, and optional pause, analysis, irreversible",
                        STEP_KEYS)
                .flatMap(f -> {
                    String pct = "a percentage from 1 to 100, above the previous step's (" + lastWeight + ")";
                    Optional<Integer> weight =
                            f.get("weight").flatMap(n -> r.integer(n, f.path("weight"), 1, 100, pct));
                    if (weight.isPresent() && weight.get() <= lastWeight) {
                        r.diagnostics.add(
                                f.get("weight").orElseThrow(),
                                f.path("weight"),
                                "canary weights must increase:",
                                weight.get() + " after " + lastWeight,
                                pct);
                    }
                    Optional<Integer> replicas = f.get("replicas")
                            .flatMap(n -> r.integer(
                                    n,
                                    f.path("replicas"),
                                    1,
                                    10000,
                                    "a whole number of canary instances from 1 to 10000"));
                    if (f.has("weight") == f.has("replicas")) {
                        r.diagnostics.add(
                                f.mapping(),
                                f.path("weight"),
                                f.has("weight") ? "both weight and replicas" : "neither weight nor replicas",
                                null,
                                "exactly one of weight (percent of traffic) or replicas (canary instances)");
                        return Optional.empty();
                    }
                    Pause pause = f.get("pause")
                            .flatMap(n -> DeployReader.pause(r, n, f.path("pause")))
                            .orElse(Pause.NONE);
                    Optional<String> analysis = f.get("analysis").flatMap(n -> names.ref(n, f.path("analysis")));
                    boolean irreversible = f.get("irreversible")
                            .flatMap(n -> r.bool(n, f.path("irreversible")))
                            .orElse(false);
                    return Optional.of(new CanaryStep(weight, replicas, pause, analysis, irreversible));
                });
    }
}
