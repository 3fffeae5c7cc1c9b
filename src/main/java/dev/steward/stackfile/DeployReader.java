package dev.steward.stackfile;

import dev.steward.core.deploy.AnalysisTemplate;
import dev.steward.core.deploy.DeployConfig;
import dev.steward.core.deploy.DeploySettings;
import dev.steward.core.deploy.Environment;
import dev.steward.core.deploy.Gates;
import dev.steward.core.deploy.Pause;
import dev.steward.core.deploy.ProviderSpec;
import dev.steward.core.deploy.Strategy;
import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Mapping;
import dev.steward.stackfile.YamlNode.Scalar;
import dev.steward.stackfile.YamlNode.ScalarType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a service's {@code deploy:} section (provider, strategy, gates, its own analyses, environments) and the
 * top-level {@code environments:}, checking that every analysis named exists and every environment is declared.
 */
final class DeployReader {
    static final List<String> KEYS = List.of("provider", "strategy", "gates", "analyses", "environments", "announce");
    static final List<String> ANNOUNCE_KEYS = List.of("receivers", "ahead");
    static final List<String> STRATEGIES = List.of("rolling", "blue_green", "canary");
    static final List<String> ENVIRONMENT_KEYS = List.of("name", "requires");

    private final NodeReader r;
    private final AnalysisReader analyses;
    private final DeploySettings settings;
    private final java.util.Set<String> declaredTopLevel;

    /** {@code declaredTopLevel}: every top-level analysis name, valid or not. */
    DeployReader(NodeReader reader, DeploySettings settings, java.util.Set<String> declaredTopLevel) {
        this.r = reader;
        this.analyses = new AnalysisReader(reader);
        this.settings = settings;
        this.declaredTopLevel = declaredTopLevel;
    }

    /** The top-level {@code environments:} list, in order; each requires the one before it unless told otherwise. */
    static List<Environment> environments(NodeReader r, YamlNode node, String path) {
        List<Environment> out = new ArrayList<>();
        List<YamlNode> items = r.list(
                        node, path, "a list of environments such as [{name: staging}, {name: production}]")
                .orElse(List.of());
        Map<String, String> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            int order = i;
            r.fields(items.get(i), p, "a mapping with name and optional requires", ENVIRONMENT_KEYS)
                    .ifPresent(f -> {
                        Optional<String> name = r.require(f, "name", NodeReader.NAME_EXPECTED)
                                .flatMap(n -> r.name(n, f.path("name"), "environment name"));
                        if (name.isEmpty()) {
                            return;
                        }
                        String previous = first.putIfAbsent(name.get(), p);
                        if (previous != null) {
                            r.diagnostics.add(
                                    f.get("name").orElseThrow(),
                                    f.path("name"),
                                    "duplicate environment name",
                                    Quote.of(name.get()),
                                    "environment names unique (first at " + previous + ")");
                            return;
                        }
                        List<String> requires = f.get("requires")
                                .map(n -> requires(r, n, f.path("requires"), out))
                                .orElse(
                                        out.isEmpty()
                                                ? List.of()
                                                : List.of(out.getLast().name()));
                        out.add(new Environment(name.get(), order, requires));
                    });
        }
        return List.copyOf(out);
    }

    private static List<String> requires(NodeReader r, YamlNode node, String path, List<Environment> earlier) {
        List<String> out = new ArrayList<>();
        List<String> names = earlier.stream().map(Environment::name).toList();
        for (Scalar s : r.scalars(node, path, "a list of environments declared before this one")) {
            if (!names.contains(s.value())) {
                r.diagnostics.add(
                        s,
                        path,
                        "unknown or later environment",
                        Quote.of(s.value()),
                        names.isEmpty()
                                ? "no requirement: this is the first environment"
                                : "one of the environments declared before: " + String.join(", ", names));
                continue;
            }
            out.add(s.value());
        }
        return List.copyOf(out);
    }

    Optional<DeployConfig> read(String service, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(
                node, path, "a mapping with provider, strategy and optional gates," + " analyses, environments", KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = r.diagnostics.count();
        Optional<ProviderSpec> provider = r.require(
                        f, "provider", "a mapping with one provider such as {command: {...}}")
                .flatMap(n -> provider(n, f.path("provider")));
        Map<String, AnalysisTemplate> own = new LinkedHashMap<>(f.get("analyses")
                .map(n -> analyses.templates(n, f.path("analyses")))
                .orElse(Map.of()));
        java.util.Set<String> declared = new java.util.HashSet<>(declaredTopLevel);
        declared.addAll(analyses.declared());
        AnalysisNames names = new AnalysisNames(r, own, settings, declared);
        Gates gates = f.get("gates")
                .map(n -> new GatesReader(r, names, analyses).read(service, n, f.path("gates"), own))
                .orElse(GatesReader.NONE);
        Optional<Strategy> strategy = r.require(f, "strategy", "one of " + String.join(", ", STRATEGIES))
                .flatMap(n -> new StrategyReader(r, names).read(n, f.path("strategy")));
        List<String> environments = f.get("environments")
                .map(n -> serviceEnvironments(n, f.path("environments")))
                .orElse(List.of());
        Announce announce = f.get("announce")
                .map(n -> announce(n, f.path("announce")))
                .orElse(new Announce(List.of(), DeployConfig.ANNOUNCE_AHEAD));
        if (r.diagnostics.count() != before || provider.isEmpty() || strategy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeployConfig(
                provider.get(), strategy.get(), gates, own, environments, announce.to(), announce.ahead()));
    }

    private record Announce(List<String> to, Duration ahead) {}

    /**
     * {@code announce: {receivers: [ops-slack], ahead: 30m}}: the receiver names as written (that each exists in the
     * Alertmanager configuration is checked once that file is read) and how long before a scheduled start it is
     * announced ({@code 0s}: no advance notice).
     */
    private Announce announce(YamlNode node, String path) {
        List<String> out = new ArrayList<>();
        Duration[] ahead = {DeployConfig.ANNOUNCE_AHEAD};
        r.fields(
                        node,
                        path,
                        "a mapping with receivers and an optional ahead, such as {receivers: [ops-slack], ahead: 30m}",
                        ANNOUNCE_KEYS)
                .ifPresent(a -> {
                    r.require(a, "receivers", "a list of receiver names such as [ops-slack]")
                            .map(n -> r.scalars(n, a.path("receivers"), "a list of receiver names such as [ops-slack]"))
                            .ifPresent(names -> names.forEach(s -> out.add(s.value())));
                    a.get("ahead")
                            .flatMap(n -> nonNegative(r, n, a.path("ahead")))
                            .ifPresent(d -> ahead[0] = d);
                });
        return new Announce(List.copyOf(out), ahead[0]);
    }

    private List<String> serviceEnvironments(YamlNode node, String path) {
        List<String> out = new ArrayList<>();
        List<String> declared =
                settings.environments().stream().map(Environment::name).toList();
        for (Scalar s : r.scalars(node, path, "a list of environment names")) {
            if (!declared.contains(s.value())) {
                r.diagnostics.add(
                        s,
                        path,
                        "unknown environment",
                        Quote.of(s.value()),
                        declared.isEmpty()
                                ? "environments declared at the top level (environments:)"
                                : "one of " + String.join(", ", declared));
                continue;
            }
            out.add(s.value());
        }
        return List.copyOf(out);
    }

    /**
     * {@code provider: {type: <type>, ...settings}}: the other keys are the provider's settings, handed over as written
     * (scalars as text, {@code ${env:}} references unresolved) to the actuator, which reads them strictly and resolves
     * its secrets itself.
     */
    private Optional<ProviderSpec> provider(YamlNode node, String path) {
        if (!(node instanceof Mapping m)) {
            r.wrongType(node, path, "a mapping with type and the provider's settings, such as {type: command, ...}");
            return Optional.empty();
        }
        Fields f = new Fields(m, path);
        Optional<String> type = r.require(f, "type", "the provider type, such as command, http, kubernetes")
                .flatMap(n -> r.name(n, f.path("type"), "provider type"));
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
            if (!e.key().value().equals("type")) {
                value(e.value(), KeyPath.key(path, e.key().value()))
                        .ifPresent(v -> settings.put(e.key().value(), v));
            }
        }
        return type.map(t -> new ProviderSpec(t, Collections.unmodifiableMap(settings), path));
    }

    private Optional<Object> value(YamlNode node, String path) {
        return switch (node) {
            case Mapping m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Entry e : m.entries()) {
                    value(e.value(), KeyPath.key(path, e.key().value()))
                            .ifPresent(v -> out.put(e.key().value(), v));
                }
                yield Optional.of(Collections.unmodifiableMap(out));
            }
            case YamlNode.Sequence s -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < s.items().size(); i++) {
                    value(s.items().get(i), KeyPath.index(path, i)).ifPresent(out::add);
                }
                yield Optional.of(List.copyOf(out));
            }
            case Scalar s
            when s.type() == ScalarType.NULL -> {
                r.wrongType(node, path, "a value");
                yield Optional.empty();
            }
            case Scalar s -> Optional.of(s.value());
        };
    }

    static Optional<Pause> pause(NodeReader r, YamlNode node, String path) {
        if (node instanceof Scalar s && s.value().equals("until_promoted")) {
            return Optional.of(new Pause.UntilPromoted());
        }
        return r.duration(node, path).map(Pause.For::new);
    }

    static Optional<Duration> nonNegative(NodeReader r, YamlNode node, String path) {
        if (node instanceof Scalar s
                && (s.value().equals("0")
                        || dev.steward.core.expect.DurationLiteral.parse(s.value())
                                .filter(Duration::isZero)
                                .isPresent())) {
            return Optional.of(Duration.ZERO);
        }
        return r.duration(node, path);
    }
}
