package dev.steward.core.statuspage;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.status.ServiceStatus;
import dev.steward.core.status.StatusPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each component's public status, from its services' statuses as {@link StatusPolicy} derives them (maintenance and
 * dependencies included):
 *
 * <ul>
 *   <li>a service in maintenance is under maintenance; up or not yet known (no result, or Steward's own connectivity
 *       suspect) is operational: the public page only speaks of what Steward has seen fail;
 *   <li>a service degraded by a dependency that is down is degraded performance;
 *   <li>a down service makes its component a major outage when every check of every service of the component that
 *       is not in maintenance is down, and a partial outage otherwise.
 * </ul>
 */
public final class ComponentPolicy {
    private ComponentPolicy() {}

    /** Component name to status, in page order. */
    public static Map<String, ComponentStatus> statuses(
            StackConfig stack, Map<CheckId, CheckState> states, Function<String, Optional<String>> maintenance) {
        Map<String, ServiceStatus> services = StatusPolicy.services(stack, states, maintenance);
        Map<String, ComponentStatus> out = new LinkedHashMap<>();
        for (StatusPageConfig.Component c : stack.statusPage().components()) {
            out.put(c.name(), component(stack, c, services, states));
        }
        return out;
    }

    private static ComponentStatus component(
            StackConfig stack,
            StatusPageConfig.Component component,
            Map<String, ServiceStatus> services,
            Map<CheckId, CheckState> states) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        boolean anyDown = false;
        boolean everyCheckDown = true;
        for (String name : component.services()) {
            ServiceStatus status = services.get(name);
            ServiceConfig config = stack.services().get(name);
            if (status == null || config == null) {
                continue;
            }
            switch (status.status()) {
                case MAINTENANCE -> worst = ComponentStatus.worst(worst, ComponentStatus.UNDER_MAINTENANCE);
                case UP, UNKNOWN -> everyCheckDown = false;
                case DEGRADED -> {
                    worst = ComponentStatus.worst(worst, ComponentStatus.DEGRADED_PERFORMANCE);
                    everyCheckDown = false;
                }
                case DOWN -> {
                    anyDown = true;
                    everyCheckDown &= allChecksDown(config, states);
                }
            }
        }
        if (anyDown) {
            return everyCheckDown ? ComponentStatus.MAJOR_OUTAGE : ComponentStatus.PARTIAL_OUTAGE;
        }
        return worst;
    }

    private static boolean allChecksDown(ServiceConfig service, Map<CheckId, CheckState> states) {
        for (CheckConfig check : service.checks()) {
            CheckState s = states.getOrDefault(check.id(), CheckState.Unknown.INITIAL);
            if (s.status() != CheckStatus.DOWN) {
                return false;
            }
        }
        return true;
    }

    /** The worst of the components: the page's overall status. */
    public static ComponentStatus overall(Map<String, ComponentStatus> components) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        for (ComponentStatus s : components.values()) {
            worst = ComponentStatus.worst(worst, s);
        }
        return worst;
    }
}
