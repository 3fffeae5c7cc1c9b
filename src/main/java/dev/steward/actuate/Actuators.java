package dev.steward.actuate;

import dev.steward.actuate.command.CommandActuator;
import dev.steward.actuate.command.CommandConfig;
import dev.steward.actuate.http.HttpActuator;
import dev.steward.actuate.http.HttpActuatorConfig;
import dev.steward.actuate.kubernetes.KubeconfigLoader;
import dev.steward.actuate.kubernetes.KubernetesActuator;
import dev.steward.actuate.kubernetes.KubernetesSettings;
import dev.steward.actuate.proxy.ProxyActuator;
import dev.steward.actuate.proxy.ProxyKind;
import dev.steward.actuate.proxy.ProxySettings;
import dev.steward.core.deploy.Actuator;
import dev.steward.notify.ConfigMap;
import dev.steward.notify.Configured;
import dev.steward.stackfile.ConfigError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the provider of a deployment from its settings ({@code deploy.provider} in the stack file): the type names
 * the technology and the rest of the mapping is that provider's settings, read strictly (unknown keys, wrong types and
 * missing settings are errors) with every error returned at once, each with its path. A valid provider comes wrapped
 * in a {@link TimedActuator}, so its results carry how long they took.
 */
public final class Actuators {
    /** The provider types, as written in {@code type}. */
    public static final List<String> TYPES = List.of("command", "kubernetes", "http", "nginx", "haproxy");

    private Actuators() {}

    /**
     * The provider of {@code type} built from {@code settings} (the provider's mapping; a {@code type} key in it is
     * ignored, {@code type} is what counts), or every error found; errors' paths start with {@code path} ({@code
     * services.api.deploy.provider}) and carry {@link ActuatorTools#source()} as their file, with line and column 0
     * (the stack-file reader knows where {@code path} is written).
     */
    public static Configured<Actuator> forConfig(
            String type, Map<String, Object> settings, String path, ActuatorTools tools) {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, Object> own = new LinkedHashMap<>(settings == null ? Map.of() : settings);
        own.remove("type");
        ConfigMap m = ConfigMap.root(own, path, tools.source(), tools.secrets(), errors);
        if (!TYPES.contains(type)) {
            m.error("type", "unknown provider type", '"' + type + '"', "one of " + String.join(", ", TYPES));
            return new Configured.Invalid<>(errors);
        }
        Optional<Actuator> built = build(type, m, tools);
        return errors.isEmpty() && built.isPresent()
                ? new Configured.Valid<>(new TimedActuator(built.get(), tools.ticker()))
                : new Configured.Invalid<>(errors);
    }

    /**
     * Closes the providers that hold resources (a Kubernetes client's connections and threads); a failure to close one
     * is logged and does not stop the others.
     */
    public static void close(java.util.Collection<? extends Actuator> actuators) {
        for (Actuator a : actuators) {
            if (a instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(Actuators.class)
                            .warn("closing a deploy provider: {}", e.toString());
                }
            }
        }
    }

    private static Optional<Actuator> build(String type, ConfigMap m, ActuatorTools tools) {
        return switch (type) {
            case "command" -> CommandConfig.read(m).map(CommandActuator::new);
            case "http" ->
                HttpActuatorConfig.read(m)
                        .map(c -> new HttpActuator(c, HttpActuator.defaultClient(), tools.clock(), tools.pause()));
            case "kubernetes" ->
                KubernetesSettings.read(m)
                        .flatMap(s ->
                                KubeconfigLoader.client(s, m).map(c -> new KubernetesActuator(s, c, tools.ticker())));
            case "nginx" -> ProxySettings.read(ProxyKind.NGINX, m).map(ProxyActuator::new);
            case "haproxy" -> ProxySettings.read(ProxyKind.HAPROXY, m).map(ProxyActuator::new);
            default -> throw new IllegalArgumentException("not a provider type: " + type);
        };
    }
}
