package dev.steward.core.maintenance;

import dev.steward.core.route.Matchers;
import dev.steward.core.series.Labels;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a window covers: named services (or {@value #EVERY_SERVICE} for the whole stack), and subjects whose labels
 * match {@code matchers}. With {@code propagateToDependants}, a service whose {@code depends_on} reaches a named
 * service, directly or through others, is covered too; propagation starts from the named services only, because
 * matchers describe alerts and checks, not services.
 */
public record Scope(Set<String> services, Matchers matchers, boolean propagateToDependants) {
    public static final String EVERY_SERVICE = "*";

    public Scope {
        services = Set.copyOf(services);
    }

    public boolean isEmpty() {
        return services.isEmpty() && matchers.isEmpty();
    }

    /**
     * Whether a check or alert of {@code service} with {@code labels} is covered; {@code dependsOn} maps each service
     * to the services it depends on (the stack's {@code depends_on}).
     */
    public boolean covers(String service, Labels labels, Map<String, ? extends Collection<String>> dependsOn) {
        if (services.contains(EVERY_SERVICE) || (service != null && services.contains(service))) {
            return true;
        }
        if (!matchers.isEmpty() && matchers.matches(labels)) {
            return true;
        }
        return propagateToDependants && service != null && reaches(service, dependsOn);
    }

    private boolean reaches(String service, Map<String, ? extends Collection<String>> dependsOn) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(service));
        while (!todo.isEmpty()) {
            Collection<String> next = dependsOn.get(todo.pop());
            for (String dependency : next == null ? List.<String>of() : next) {
                if (services.contains(dependency)) {
                    return true;
                }
                if (seen.add(dependency)) {
                    todo.push(dependency);
                }
            }
        }
        return false;
    }
}
