package dev.steward.stackfile;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Condition;
import dev.steward.core.expect.ConditionParser;
import dev.steward.core.expect.ConditionSyntaxException;
import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.expect.Expression;
import dev.steward.core.flap.FlapSettings;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads one check of a service, applying the stack's defaults. */
final class CheckReader {
    static final List<String> KEYS = Stream.concat(
                    Stream.of("name"),
                    Stream.concat(
                            ProbeReader.TYPES.stream(),
                            Stream.of(
                                    "interval",
                                    "timeout",
                                    "expect",
                                    "fail_after",
                                    "retry_interval",
                                    "recover_after",
                                    "labels",
                                    "alert",
                                    "flapping")))
            .toList();
    static final String COUNT_EXPECTED = "a whole number from 1 to 1000";

    private final NodeReader r;
    private final ProbeReader probes;
    private final Defaults defaults;

    CheckReader(NodeReader reader, ProbeReader probes, Defaults defaults) {
        this.r = reader;
        this.probes = probes;
        this.defaults = defaults;
    }

    /** The check's name and configuration; the name alone when the rest is invalid (for duplicate detection). */
    record Read(Optional<String> name, Optional<Scalar> nameNode, Optional<CheckConfig> check) {}

    Read read(String service, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with name, one probe and its settings", KEYS);
        if (fields.isEmpty()) {
            return new Read(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        Optional<YamlNode> nameNode = r.require(f, "name", NodeReader.NAME_EXPECTED);
        Optional<String> name = nameNode.flatMap(n -> r.name(n, f.path("name"), "check name"));
        Optional<Scalar> nameScalar = nameNode.filter(Scalar.class::isInstance).map(Scalar.class::cast);
        Optional<ProbeSpec> probe = probe(f);
        Settings settings = settings(f, probe);
        Optional<CheckConfig> check = name.flatMap(n -> probe.map(p -> settings.check(service, n, p)));
        boolean clean = r.diagnostics.count() == errorsBefore;
        return new Read(name, nameScalar, clean ? check : Optional.empty());
    }

    /** Everything of a check but its name and probe. */
    private record Settings(
            Duration interval,
            Duration timeout,
            List<String> expect,
            Optional<Condition> condition,
            int failAfter,
            Duration retryInterval,
            int recoverAfter,
            Map<String, String> labels,
            boolean alert,
            FlapSettings flapping) {

        CheckConfig check(String service, String name, ProbeSpec probe) {
            return new CheckConfig(
                    service,
                    name,
                    probe,
                    interval,
                    timeout,
                    expect,
                    condition,
                    failAfter,
                    retryInterval,
                    recoverAfter,
                    labels,
                    alert,
                    flapping);
        }
    }

    /** Reads the settings even when the name or the probe is wrong, so that their problems are reported too. */
    private Settings settings(Fields f, Optional<ProbeSpec> probe) {
        Duration interval = duration(f, "interval").orElse(defaults.interval());
        Duration timeout = timeout(f, interval);
        List<String> expect = new ArrayList<>();
        Optional<Condition> condition = f.get("expect").flatMap(n -> expect(n, f.path("expect"), probe, expect));
        int failAfter = count(f, "fail_after").orElse(defaults.failAfter());
        Duration retry = duration(f, "retry_interval").orElse(defaults.retryInterval());
        int recoverAfter = count(f, "recover_after").orElse(defaults.recoverAfter());
        Map<String, String> labels =
                f.get("labels").map(n -> r.labels(n, f.path("labels"))).orElse(Map.of());
        boolean alert = f.get("alert").flatMap(n -> r.bool(n, f.path("alert"))).orElse(true);
        FlapSettings flapping =
                f.get("flapping").map(n -> flapping(n, f.path("flapping"))).orElse(FlapSettings.OFF);
        return new Settings(
                interval,
                timeout,
                List.copyOf(expect),
                condition,
                failAfter,
                retry,
                recoverAfter,
                labels,
                alert,
                flapping);
    }

    /** {@code flapping: {enabled: true, high: 30, low: 25}}: Icinga's thresholds in percent, low below high. */
    private FlapSettings flapping(YamlNode node, String path) {
        Optional<Fields> fields =
                r.fields(node, path, "a mapping of enabled, high, low", List.of("enabled", "high", "low"));
        if (fields.isEmpty()) {
            return FlapSettings.OFF;
        }
        Fields f = fields.get();
        boolean enabled =
                f.get("enabled").flatMap(n -> r.bool(n, f.path("enabled"))).orElse(true);
        int high = f.get("high")
                .flatMap(n -> r.integer(n, f.path("high"), 1, 100, "a percentage from 1 to 100"))
                .orElse((int) FlapSettings.ON.high());
        int low = f.get("low")
                .flatMap(n -> r.integer(n, f.path("low"), 0, 100, "a percentage from 0 to 100"))
                .orElse((int) FlapSettings.ON.low());
        if (low >= high) {
            r.diagnostics.add(
                    f.get("low").or(() -> f.get("high")).orElse(node),
                    f.path("low"),
                    "low threshold not below the high one:",
                    low + " >= " + high,
                    "low below high (Icinga's defaults: high 30, low 25)");
            return FlapSettings.OFF;
        }
        return new FlapSettings(enabled, high, low);
    }

    private Optional<Duration> duration(Fields f, String key) {
        return f.get(key).flatMap(n -> r.duration(n, f.path(key)));
    }

    private Optional<Integer> count(Fields f, String key) {
        return f.get(key).flatMap(n -> r.integer(n, f.path(key), 1, 1000, COUNT_EXPECTED));
    }

    private Optional<ProbeSpec> probe(Fields f) {
        List<String> present = ProbeReader.TYPES.stream().filter(f::has).toList();
        String expected = "exactly one probe: one of " + String.join(", ", ProbeReader.TYPES);
        if (present.isEmpty()) {
            r.diagnostics.add(f.mapping(), f.path(), "missing probe", null, expected);
            return Optional.empty();
        }
        if (present.size() > 1) {
            Scalar second = f.keyNode(present.get(1)).orElseThrow();
            r.diagnostics.add(
                    second, f.path(present.get(1)), "more than one probe:", String.join(", ", present), expected);
            return Optional.empty();
        }
        String type = present.getFirst();
        return probes.read(type, f.get(type).orElseThrow(), f.path(type));
    }

    /** The timeout: as written, else the default, else the smaller of 10s and the interval. */
    private Duration timeout(Fields f, Duration interval) {
        Optional<Duration> written = f.get("timeout").flatMap(n -> r.duration(n, f.path("timeout")));
        Optional<Duration> timeout = written.or(defaults::timeout);
        if (timeout.isEmpty()) {
            return interval.compareTo(CheckConfig.DEFAULT_TIMEOUT) < 0 ? interval : CheckConfig.DEFAULT_TIMEOUT;
        }
        boolean bothFromDefaults = written.isEmpty() && !f.has("interval");
        if (timeout.get().compareTo(interval) > 0 && !bothFromDefaults) {
            String key = written.isPresent() ? "timeout" : "interval";
            String origin =
                    written.isPresent() ? "" : " (timeout " + DurationLiteral.format(timeout.get()) + " from defaults)";
            r.diagnostics.add(
                    f.get(key).orElseThrow(),
                    f.path(key),
                    "timeout longer than the interval" + origin + ":",
                    DurationLiteral.format(timeout.get()) + " > " + DurationLiteral.format(interval),
                    "a timeout no longer than the interval");
        }
        return timeout.get();
    }

    private Optional<Condition> expect(YamlNode node, String path, Optional<ProbeSpec> probe, List<String> written) {
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        List<Expression> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String p = node instanceof YamlNode.Sequence ? KeyPath.index(path, i) : path;
            r.scalar(items.get(i), p, "a condition such as 'status == 200', or a list of them")
                    .flatMap(s -> parse(s, p, probe))
                    .ifPresent(e -> {
                        written.add(e.source());
                        parsed.add(e);
                    });
        }
        return parsed.size() == items.size() && !parsed.isEmpty()
                ? Optional.of(Expression.allOf(parsed))
                : Optional.empty();
    }

    private Optional<Expression> parse(Scalar s, String path, Optional<ProbeSpec> probe) {
        Expression e;
        try {
            e = ConditionParser.parse(s.value());
        } catch (ConditionSyntaxException ex) {
            r.diagnostics.add(
                    r.columns().at(s, ex.position()),
                    path,
                    "invalid condition: found " + ex.found() + " at column " + (ex.position() + 1) + " of",
                    Quote.of(s.value()),
                    ex.expected());
            return Optional.empty();
        }
        if (probe.isPresent()) {
            List<String> roots = ProbeFacts.ROOTS.get(probe.get().type());
            for (Map.Entry<String, Integer> use : e.rootOffsets().entrySet()) {
                String root = use.getKey();
                if (!roots.contains(root)) {
                    r.diagnostics.add(
                            r.columns().at(s, use.getValue()),
                            path,
                            "unknown fact " + Quote.of(root) + " for a check of type "
                                    + probe.get().type() + " in",
                            Quote.of(s.value()),
                            "one of " + String.join(", ", roots));
                    return Optional.empty();
                }
            }
        }
        return Optional.of(e);
    }
}
