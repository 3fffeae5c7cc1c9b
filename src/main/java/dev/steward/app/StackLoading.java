package dev.steward.app;

import dev.steward.actuate.ActuatorTools;
import dev.steward.actuate.Actuators;
import dev.steward.core.config.StackConfig;
import dev.steward.core.deploy.Actuator;
import dev.steward.core.deploy.ProviderSpec;
import dev.steward.core.rule.RuleDialect;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.checkalert.CheckAlerts;
import dev.steward.notify.Configured;
import dev.steward.notify.Notifiers;
import dev.steward.notify.SecretResolver;
import dev.steward.notify.Settings;
import dev.steward.promql.EngineRules;
import dev.steward.routefile.RouteConfig;
import dev.steward.routefile.RouteFileLoader;
import dev.steward.routefile.RouteFileResult;
import dev.steward.rulefile.RuleFileLoader;
import dev.steward.stackfile.ConfigError;
import dev.steward.stackfile.LoadResult;
import dev.steward.stackfile.RuleFileResult;
import dev.steward.stackfile.StackFileLoader;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads everything a stack file brings: the stack, its rule files ({@code rule_files}, relative to the stack file), its
 * inline {@code rule_groups} and the built-in alert of every check; PromQL expressions are checked with the engine's
 * parser. All errors of all files at once.
 */
final class StackLoading {
    /** How often the built-in check alerts are evaluated. */
    static final Duration CHECK_ALERT_INTERVAL = Duration.ofSeconds(10);

    private StackLoading() {}

    sealed interface Outcome {
        /** {@code actuators}: the deploy provider of every service with a {@code deploy:} section. */
        record Loaded(
                StackConfig config,
                List<RuleGroup> groups,
                RouteConfig routing,
                ChannelDirectory channels,
                Map<String, Actuator> actuators)
                implements Outcome {}

        record Invalid(List<ConfigError> errors) implements Outcome {
            List<String> formatted() {
                return StackFileLoader.format(new LoadResult.Invalid(errors));
            }
        }
    }

    /** Loads with notifiers on a client of their own (for {@code validate}). */
    /** The file name of the built-in check alerts' rule group of the stack file {@code file}. */
    static String builtInFile(Path file) {
        return file + " (built-in)";
    }

    static Outcome load(Path file) {
        return load(file, Notifiers.httpClient(), InstantSource.system(), "");
    }

    /**
     * Loads everything; the receivers' and people's notifiers are built with {@code http} and {@code clock} (the
     * daemon's), and link back to {@code externalUrl} unless the stack file names its own.
     */
    static Outcome load(Path file, HttpClient http, InstantSource clock, String externalUrl) {
        LoadResult stack = StackFileLoader.fromSystem(EngineRules.PARSER).load(file);
        if (stack instanceof LoadResult.Invalid invalid) {
            return new Outcome.Invalid(invalid.errors());
        }
        StackConfig config = ((LoadResult.Loaded) stack).config();
        Path base = file.toAbsolutePath().getParent();
        Map<String, Actuator> actuators = new LinkedHashMap<>();
        List<ConfigError> providerErrors = actuators(config, file, clock, actuators);
        if (!providerErrors.isEmpty()) {
            Actuators.close(actuators.values());
            return new Outcome.Invalid(providerErrors);
        }
        Outcome out = afterProviders(file, http, clock, externalUrl, config, base, actuators);
        if (out instanceof Outcome.Invalid) {
            Actuators.close(actuators.values()); // a Kubernetes client holds connections and threads
        }
        return out;
    }

    private static Outcome afterProviders(
            Path file,
            HttpClient http,
            InstantSource clock,
            String externalUrl,
            StackConfig config,
            Path base,
            Map<String, Actuator> actuators) {
        RuleFileResult rules =
                new RuleFileLoader(RuleDialect.STEWARD, EngineRules.PARSER).loadAll(base, config.ruleFiles());
        if (rules instanceof RuleFileResult.Invalid invalid) {
            return new Outcome.Invalid(invalid.errors());
        }
        List<RuleGroup> groups = new ArrayList<>(((RuleFileResult.Loaded) rules).groups());
        groups.addAll(config.ruleGroups());
        // a file name of its own, so an inline group that happens to share the built-in group's name stays apart
        RuleGroup checks =
                CheckAlerts.group(config.stack(), builtInFile(file), config.allChecks(), CHECK_ALERT_INTERVAL);
        if (!checks.rules().isEmpty()) {
            groups.add(checks);
        }
        RouteConfig routing = BUILT_IN_ROUTING;
        if (config.alerting().alertmanagerConfig().isPresent()) {
            RouteFileResult r = RouteFileLoader.load(
                    base.resolve(config.alerting().alertmanagerConfig().get()));
            if (r instanceof RouteFileResult.Invalid invalid) {
                return new Outcome.Invalid(invalid.errors());
            }
            routing = ((RouteFileResult.Loaded) r).config();
        }
        Optional<String> fallback = config.alerting().fallbackReceiver();
        if (fallback.isPresent() && !routing.receivers().containsKey(fallback.get())) {
            return new Outcome.Invalid(List.of(new ConfigError(
                    file.toString(),
                    0,
                    0,
                    "alerting.fallback_receiver",
                    "unknown receiver",
                    Optional.of("\"" + fallback.get() + "\""),
                    Optional.of("one of the receivers of the Alertmanager configuration: "
                            + String.join(", ", routing.receivers().keySet())))));
        }
        List<ConfigError> announceErrors = announceReceivers(config, routing, file);
        if (!announceErrors.isEmpty()) {
            return new Outcome.Invalid(announceErrors);
        }
        Path amFile = config.alerting().alertmanagerConfig().map(base::resolve).orElse(file.toAbsolutePath());
        Settings settings = Settings.of(http, clock, SecretResolver.system(amFile.getParent()))
                .withSource(amFile.toString())
                .withExternalUrl(config.alerting()
                        .externalUrl()
                        .map(java.net.URI::toString)
                        .orElse(externalUrl));
        return switch (ChannelDirectory.build(routing, config.oncall().people(), settings)) {
            case Configured.Valid<ChannelDirectory> v ->
                new Outcome.Loaded(config, groups, routing, v.value(), Map.copyOf(actuators));
            case Configured.Invalid<ChannelDirectory> i -> new Outcome.Invalid(i.errors());
        };
    }

    /** Every {@code deploy.announce.receivers} name that is not a receiver of the Alertmanager configuration. */
    private static List<ConfigError> announceReceivers(StackConfig config, RouteConfig routing, Path file) {
        List<ConfigError> errors = new ArrayList<>();
        for (var service : config.services().values()) {
            List<String> names = service.deploy().map(d -> d.announceTo()).orElse(List.of());
            for (int i = 0; i < names.size(); i++) {
                if (!routing.receivers().containsKey(names.get(i))) {
                    errors.add(new ConfigError(
                            file.toString(),
                            0,
                            0,
                            "services." + service.name() + ".deploy.announce.receivers[" + i + "]",
                            "unknown receiver",
                            Optional.of("\"" + names.get(i) + "\""),
                            Optional.of("one of the receivers of the Alertmanager configuration: "
                                    + String.join(", ", routing.receivers().keySet()))));
                }
            }
        }
        return errors;
    }

    /**
     * Builds the deploy provider of every service that has one into {@code out}; returns the errors of invalid provider
     * settings, each with its path ({@code services.api.deploy.provider.deploy}).
     */
    private static List<ConfigError> actuators(
            StackConfig config, Path file, InstantSource clock, Map<String, Actuator> out) {
        ActuatorTools tools = new ActuatorTools(
                SecretResolver.system(file.toAbsolutePath().getParent()),
                clock,
                System::nanoTime,
                d -> Thread.sleep(d),
                file.toString());
        List<ConfigError> errors = new ArrayList<>();
        for (var service : config.services().values()) {
            if (service.deploy().isEmpty()) {
                continue;
            }
            ProviderSpec p = service.deploy().get().provider();
            if ((p.type().equals("nginx") || p.type().equals("haproxy"))
                    && service.deploy().get().strategy() instanceof dev.steward.core.deploy.Strategy.Rolling) {
                // every rolling batch is a deploy with a share: through a proxy it would end with the stable pool
                // taken out of service and nothing to put it back
                errors.add(new ConfigError(
                        file.toString(),
                        0,
                        0,
                        "services." + service.name() + ".deploy.strategy",
                        "rolling is not supported with the " + p.type() + " provider",
                        Optional.of("rolling"),
                        Optional.of("canary (the proxy's weights move per step) or blue_green (one switch); or the"
                                + " command provider for rolling batches")));
                continue;
            }
            switch (Actuators.forConfig(p.type(), p.settings(), p.path(), tools)) {
                case Configured.Valid<Actuator> v -> out.put(service.name(), v.value());
                case Configured.Invalid<Actuator> i -> errors.addAll(i.errors());
            }
        }
        return errors;
    }

    /**
     * The routing of a stack without {@code alerting.alertmanager_config}: every alert to one receiver without
     * integrations, grouped by alert name and service, with Alertmanager's default timings. Incidents still open and
     * show in the API; nobody outside is notified until a configuration names receivers.
     */
    static final String BUILT_IN_ROUTING_TEXT = """
            route:
              receiver: default
              group_by: [alertname, service]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
            receivers:
              - name: default
            """;

    static final RouteConfig BUILT_IN_ROUTING =
            ((RouteFileResult.Loaded) RouteFileLoader.read(BUILT_IN_ROUTING_TEXT, "(built-in routing)")).config();
}
