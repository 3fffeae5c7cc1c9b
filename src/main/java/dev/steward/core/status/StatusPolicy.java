package dev.steward.core.status;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives service statuses from check states. A service is the worst of its checks; a DOWN service with a DOWN
 * dependency (direct or transitive) is DEGRADED and says which dependency; a service whose checks are up is UP even if
 * a dependency is down (it lists the dependency). When every check is failing at once ({@link #suspectConnectivity}),
 * nothing is reported DOWN: Steward's own connectivity is the likelier cause, so checks and services are UNKNOWN.
 */
public final class StatusPolicy {
    public static final String SUSPECT_REASON =
            "every check is failing at once: Steward's own network connectivity is suspect";

    private StatusPolicy() {}

    /** True when there are at least two checks and every one of them failed its latest probe. */
    public static boolean suspectConnectivity(Map<CheckId, CheckState> states) {
        return states.size() >= 2 && states.values().stream().allMatch(StatusPolicy::failingNow);
    }

    static boolean failingNow(CheckState s) {
        return switch (s) {
            case CheckState.Unknown u -> u.failures() > 0;
            case CheckState.Up u -> u.failures() > 0;
            case CheckState.Down d -> d.successes() == 0;
        };
    }

    /** The status to show for one check, given the connectivity guard. */
    public static CheckStatus checkStatus(CheckState state, boolean suspect) {
        return suspect ? CheckStatus.UNKNOWN : state.status();
    }

    public static Map<String, ServiceStatus> services(StackConfig stack, Map<CheckId, CheckState> states) {
        return services(stack, states, service -> java.util.Optional.empty());
    }

    /**
     * As {@link #services(StackConfig, Map)}, with maintenance: a service for which {@code maintenance} gives a reason
     * is MAINTENANCE whatever its checks say (the reason is shown), and does not count as a down dependency of others.
     */
    public static Map<String, ServiceStatus> services(
            StackConfig stack,
            Map<CheckId, CheckState> states,
            java.util.function.Function<String, java.util.Optional<String>> maintenance) {
        boolean suspect = suspectConnectivity(states);
        Map<String, CheckStatus> own = new LinkedHashMap<>();
        Map<String, String> ownReason = new LinkedHashMap<>();
        for (ServiceConfig service : stack.services().values()) {
            CheckStatus worst = service.checks().isEmpty() ? CheckStatus.UNKNOWN : CheckStatus.UP;
            List<String> reasons = new ArrayList<>();
            for (CheckConfig check : service.checks()) {
                CheckState state = states.getOrDefault(check.id(), CheckState.Unknown.INITIAL);
                CheckStatus status = checkStatus(state, suspect);
                worst = CheckStatus.worst(worst, status);
                if (status == CheckStatus.DOWN && state instanceof CheckState.Down d) {
                    reasons.add("check " + check.name() + ": " + d.cause().describe());
                }
            }
            java.util.Optional<String> window = maintenance.apply(service.name());
            if (window.isPresent()) {
                own.put(service.name(), CheckStatus.MAINTENANCE);
                ownReason.put(service.name(), "in maintenance: " + window.get());
                continue;
            }
            own.put(service.name(), worst);
            ownReason.put(service.name(), reason(service, worst, reasons, suspect));
        }
        Map<String, ServiceStatus> result = new LinkedHashMap<>();
        for (ServiceConfig service : stack.services().values()) {
            List<String> down = downDependencies(stack, service.name(), own);
            CheckStatus status = own.get(service.name());
            String reason = ownReason.get(service.name());
            if (status == CheckStatus.DOWN && !down.isEmpty()) {
                status = CheckStatus.DEGRADED;
                reason = "degraded: " + String.join(", ", down) + (down.size() == 1 ? " is down" : " are down");
            } else if (status == CheckStatus.UP && !down.isEmpty()) {
                reason = "up; depends on " + String.join(", ", down) + ", which " + (down.size() == 1 ? "is" : "are")
                        + " down";
            }
            result.put(service.name(), new ServiceStatus(service.name(), status, reason, down));
        }
        return result;
    }

    private static String reason(ServiceConfig service, CheckStatus worst, List<String> reasons, boolean suspect) {
        if (suspect) {
            return SUSPECT_REASON;
        }
        return switch (worst) {
            case UP -> "all checks up";
            case DOWN -> String.join("; ", reasons);
            case UNKNOWN -> service.checks().isEmpty() ? "no checks" : "waiting for the first results";
            case MAINTENANCE -> "in maintenance";
            case DEGRADED -> "degraded";
        };
    }

    /** Dependencies (transitive, in depth-first order) whose own checks are DOWN. The config has no cycles. */
    static List<String> downDependencies(StackConfig stack, String service, Map<String, CheckStatus> own) {
        Set<String> seen = new LinkedHashSet<>();
        collect(stack, service, seen);
        seen.remove(service);
        return seen.stream().filter(s -> own.get(s) == CheckStatus.DOWN).toList();
    }

    private static void collect(StackConfig stack, String service, Set<String> seen) {
        if (!seen.add(service)) {
            return;
        }
        ServiceConfig config = stack.services().get(service);
        if (config != null) {
            config.dependsOn().forEach(d -> collect(stack, d, seen));
        }
    }
}
