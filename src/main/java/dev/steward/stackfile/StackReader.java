package dev.steward.stackfile;

import dev.steward.core.config.AccessConfig;
import dev.steward.core.config.AlertingConfig;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.ConsoleConfig;
import dev.steward.core.config.ScrapeConfig;
import dev.steward.core.config.Secret;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.deploy.DeployConfig;
import dev.steward.core.deploy.DeploySettings;
import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.rule.RuleGroup;
import dev.steward.cron.UnixCron;
import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Scalar;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the whole document: the per-node pass over every service and check, then the cross-references. */
final class StackReader {
    static final List<String> KEYS = concat(
            List.of(
                    "stack",
                    "defaults",
                    "services",
                    "rule_files",
                    "rule_groups",
                    "alerting",
                    "maintenance",
                    "access",
                    "console",
                    "environments",
                    "analyses"),
            concat(OnCallReader.SECTIONS, List.of("status_page")));
    static final List<String> SERVICE_KEYS =
            List.of("description", "depends_on", "labels", "checks", "metrics", OnCallReader.SERVICE_KEY, "deploy");
    static final List<String> METRICS_KEYS = List.of("scrape", "interval", "timeout", "headers");

    private final NodeReader r;
    private final ProbeReader probes;
    private final RuleGroupReader ruleGroups;
    private final OnCallReader oncall;
    private final Map<String, List<DependencyGraph.Edge>> dependencies = new LinkedHashMap<>();
    private DeploySettings deployments = DeploySettings.NONE;
    private final AnalysisReader analyses;

    StackReader(NodeReader reader, ProbeReader probes, RuleGroupReader ruleGroups) {
        this.r = reader;
        this.probes = probes;
        this.ruleGroups = ruleGroups;
        this.oncall = new OnCallReader(reader);
        this.analyses = new AnalysisReader(reader);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    Optional<StackConfig> read(YamlNode root) {
        Optional<Fields> fields = r.fields(
                root,
                "",
                "a mapping with stack, services and optional "
                        + String.join(
                                ", ",
                                KEYS.stream()
                                        .filter(k -> !k.equals("stack") && !k.equals("services"))
                                        .toList()),
                KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> stack =
                r.require(f, "stack", NodeReader.NAME_EXPECTED).flatMap(n -> r.name(n, "stack", "stack name"));
        Defaults defaults =
                f.get("defaults").map(n -> Defaults.read(r, n, "defaults")).orElse(Defaults.BUILT_IN);
        deployments = new DeploySettings(
                f.get("environments")
                        .map(n -> DeployReader.environments(r, n, "environments"))
                        .orElse(List.of()),
                f.get("analyses").map(n -> analyses.templates(n, "analyses")).orElse(Map.of()));
        Map<String, ServiceConfig> services = f.get("services")
                .map(n -> services(n, defaults))
                .orElseGet(() -> {
                    r.require(f, "services", "a mapping of service names to services");
                    return Map.of();
                });
        List<String> ruleFiles = f.get("rule_files").map(n -> ruleFiles(n)).orElse(List.of());
        List<RuleGroup> groups = f.get("rule_groups")
                .map(n -> ruleGroups.groups(n, "rule_groups"))
                .orElse(List.of());
        AlertingConfig alerting = f.get("alerting")
                .map(n -> AlertingReader.read(r, n, "alerting"))
                .orElse(AlertingConfig.DEFAULTS);
        OnCall onCall = oncall.read(f);
        List<MaintenanceWindow> maintenance = f.get("maintenance")
                .map(n -> new MaintenanceReader(r, UnixCron.INSTANCE, dependencies.keySet()).windows(n, "maintenance"))
                .orElse(List.of());
        AccessConfig access =
                f.get("access").map(n -> AccessReader.read(r, n, "access")).orElse(AccessConfig.DEFAULTS);
        ConsoleConfig console = f.get("console")
                .map(n -> ConsoleReader.read(r, ruleGroups, n, "console"))
                .orElse(ConsoleConfig.DEFAULTS);
        StatusPageConfig statusPage = f.get("status_page")
                .map(n -> new StatusPageReader(r, dependencies.keySet())
                        .read(n, "status_page", stack.orElse(""), services.values()))
                .orElseGet(() -> StatusPageConfig.defaultsFor(stack.orElse(""), services.values()));
        new DependencyGraph(r.diagnostics, dependencies).check();
        if (!r.diagnostics.isEmpty() || stack.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StackConfig(
                stack.get(),
                services,
                ruleFiles,
                groups,
                alerting,
                onCall,
                maintenance,
                access,
                console,
                deployments,
                statusPage));
    }

    private Map<String, ServiceConfig> services(YamlNode node, Defaults defaults) {
        Map<String, ServiceConfig> out = new LinkedHashMap<>();
        if (!(node instanceof YamlNode.Mapping m)) {
            r.wrongType(node, "services", "a mapping of service names to services");
            return out;
        }
        if (m.entries().isEmpty()) {
            r.diagnostics.add(node, "services", "no services", null, "at least one service");
        }
        for (Entry e : m.entries()) {
            String path = KeyPath.key("services", e.key().value());
            Optional<String> name = r.name(e.key(), path, "service name");
            name.ifPresent(n -> dependencies.put(n, new ArrayList<>()));
            Optional<ServiceConfig> service = name.flatMap(n -> service(n, e.value(), path, defaults));
            service.ifPresent(s -> out.put(s.name(), s));
        }
        return Collections.unmodifiableMap(out);
    }

    private Optional<ServiceConfig> service(String name, YamlNode node, String path, Defaults defaults) {
        Optional<Fields> fields = r.fields(
                node,
                path,
                "a mapping with checks and optional description, depends_on, labels, metrics",
                SERVICE_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        String description = f.get("description")
                .flatMap(n -> r.text(n, f.path("description")))
                .orElse("");
        List<String> dependsOn = f.get("depends_on")
                .map(n -> dependsOn(name, n, f.path("depends_on")))
                .orElse(List.of());
        Map<String, String> labels =
                f.get("labels").map(n -> r.labels(n, f.path("labels"))).orElse(Map.of());
        List<CheckConfig> checks = f.get("checks")
                .map(n -> checks(name, n, f.path("checks"), defaults))
                .orElse(List.of());
        Optional<ScrapeConfig> metrics = f.get("metrics").flatMap(n -> metrics(n, f.path("metrics")));
        f.get(OnCallReader.SERVICE_KEY).ifPresent(n -> oncall.service(name, n, f.path(OnCallReader.SERVICE_KEY)));
        Optional<DeployConfig> deploy = f.get("deploy")
                .flatMap(n -> new DeployReader(r, deployments, analyses.declared()).read(name, n, f.path("deploy")));
        if (r.diagnostics.count() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ServiceConfig(name, description, dependsOn, labels, checks, metrics, deploy));
    }

    private List<String> dependsOn(String service, YamlNode node, String path) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = r.list(node, path, "a list of service names").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            Optional<Scalar> s = r.scalar(items.get(i), p, "a service name");
            if (s.isEmpty()) {
                continue;
            }
            if (out.contains(s.get().value())) {
                r.diagnostics.add(
                        s.get(), p, "service listed twice:", Quote.of(s.get().value()), "each dependency once");
                continue;
            }
            out.add(s.get().value());
            dependencies.get(service).add(new DependencyGraph.Edge(s.get().value(), s.get(), p));
        }
        return List.copyOf(out);
    }

    private List<CheckConfig> checks(String service, YamlNode node, String path, Defaults defaults) {
        List<CheckConfig> out = new ArrayList<>();
        List<YamlNode> items = r.list(node, path, "a list of checks").orElse(List.of());
        CheckReader reader = new CheckReader(r, probes, defaults);
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            CheckReader.Read read = reader.read(service, items.get(i), p);
            if (read.name().isPresent()) {
                String previous = firstPath.putIfAbsent(read.name().get(), p);
                if (previous != null) {
                    r.diagnostics.add(
                            read.nameNode().orElseThrow(),
                            KeyPath.key(p, "name"),
                            "duplicate check name",
                            Quote.of(read.name().get()),
                            "check names unique within a service (first at " + previous + ")");
                    continue;
                }
            }
            read.check().ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private Optional<ScrapeConfig> metrics(YamlNode node, String path) {
        return r.fields(node, path, "a mapping with scrape and optional interval, timeout, headers", METRICS_KEYS)
                .flatMap(f -> {
                    Optional<URI> url = r.require(f, "scrape", "an http:// or https:// URL of a /metrics endpoint")
                            .flatMap(n -> r.httpUrl(n, f.path("scrape")));
                    Duration interval = f.get("interval")
                            .flatMap(n -> r.duration(n, f.path("interval")))
                            .orElse(ScrapeConfig.DEFAULT_INTERVAL);
                    Optional<Duration> written = f.get("timeout").flatMap(n -> r.duration(n, f.path("timeout")));
                    Duration timeout = written.orElse(
                            interval.compareTo(ScrapeConfig.DEFAULT_TIMEOUT) < 0
                                    ? interval
                                    : ScrapeConfig.DEFAULT_TIMEOUT);
                    if (written.isPresent() && timeout.compareTo(interval) > 0) {
                        r.diagnostics.add(
                                f.get("timeout").orElseThrow(),
                                f.path("timeout"),
                                "timeout longer than the interval:",
                                DurationLiteral.format(timeout) + " > " + DurationLiteral.format(interval),
                                "a timeout no longer than the interval");
                    }
                    Map<String, Secret> headers = f.get("headers")
                            .map(n -> r.headers(n, f.path("headers")))
                            .orElse(Map.of());
                    return url.map(u -> new ScrapeConfig(u, interval, timeout, headers));
                });
    }

    private List<String> ruleFiles(YamlNode node) {
        List<String> out = new ArrayList<>();
        for (Scalar s : r.scalars(node, "rule_files", "a list of rule file paths or globs such as rules/*.yml")) {
            out.add(s.value());
        }
        return List.copyOf(out);
    }
}
