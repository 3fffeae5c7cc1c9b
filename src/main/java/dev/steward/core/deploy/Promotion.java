package dev.steward.core.deploy;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The promotion rule between environments: a version reaches an environment only after it succeeded in each one that
 * environment {@code requires} (those the service deploys to). The loop answers the before-gate {@code
 * previous_environment} with {@link #passed}, asking the store ({@link DeploymentStore#succeeded}).
 */
public final class Promotion {
    private Promotion() {}

    /** Why {@code service} cannot be deployed to {@code environment}, or empty when it can. */
    public static Optional<String> refusal(
            String service, DeployConfig config, DeploySettings settings, String environment) {
        if (settings.environments().isEmpty()) {
            return Optional.empty();
        }
        if (settings.environment(environment).isEmpty()) {
            return Optional.of("unknown environment " + environment + "; the stack declares "
                    + String.join(
                            ", ",
                            settings.environments().stream()
                                    .map(Environment::name)
                                    .toList()));
        }
        if (!config.environments().isEmpty() && !config.environments().contains(environment)) {
            return Optional.of(service + " is not deployed to " + environment + "; it is deployed to "
                    + String.join(", ", config.environments()));
        }
        return Optional.empty();
    }

    /** The environments {@code version} must have passed before {@code environment}, for this service. */
    public static List<String> required(DeployConfig config, DeploySettings settings, String environment) {
        return settings.environment(environment).map(Environment::requires).orElse(List.of()).stream()
                .filter(e ->
                        config.environments().isEmpty() || config.environments().contains(e))
                .toList();
    }

    /** Whether every required environment saw the version succeed, by {@code succeededIn} (environment name). */
    public static boolean passed(
            DeployConfig config, DeploySettings settings, String environment, Predicate<String> succeededIn) {
        return required(config, settings, environment).stream().allMatch(succeededIn);
    }
}
