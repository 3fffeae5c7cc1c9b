package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of the route tree with its parent's settings already inherited. {@link #match} picks the routes an alert
 * goes to exactly as Alertmanager does: depth first, the first matching child only unless that child has {@code
 * continue}, and the node itself when no child matches. Time intervals are not inherited (as in Alertmanager).
 *
 * @param id unique in the tree and stable across reloads of the same configuration: the chain of matchers from the
 *     root and the index among siblings ({@code {}/{severity="critical"}/0})
 */
public record Route(
        String id,
        String receiver,
        Set<String> groupBy,
        boolean groupByAll,
        Matchers matchers,
        boolean continueMatching,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        List<String> muteTimeIntervals,
        List<String> activeTimeIntervals,
        List<Route> routes) {
    /** Alertmanager's defaults for the root route. */
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);

    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    public Route {
        groupBy = Set.copyOf(groupBy);
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
        routes = List.copyOf(routes);
    }

    /** The resolved tree of a configured root (whose receiver must be set; the loader checks that). */
    public static Route tree(RouteSpec root) {
        Route defaults = new Route(
                "",
                "",
                Set.of(),
                false,
                Matchers.NONE,
                false,
                DEFAULT_GROUP_WAIT,
                DEFAULT_GROUP_INTERVAL,
                DEFAULT_REPEAT_INTERVAL,
                List.of(),
                List.of(),
                List.of());
        return resolve(root, defaults, null, 0);
    }

    private static Route resolve(RouteSpec spec, Route parent, String parentId, int index) {
        Set<String> groupBy = parent.groupBy;
        boolean all = parent.groupByAll;
        if (spec.groupBy().isPresent() && !spec.groupBy().get().isEmpty()) {
            all = spec.groupBy().get().contains(RouteSpec.GROUP_BY_ALL);
            groupBy = all ? Set.of() : new TreeSet<>(spec.groupBy().get());
        }
        Matchers matchers = Matchers.sorted(spec.matchers());
        String id = parentId == null ? matchers.toString() : parentId + "/" + matchers + "/" + index;
        Route self = new Route(
                id,
                spec.receiver().orElse(parent.receiver),
                groupBy,
                all,
                matchers,
                spec.continueMatching(),
                spec.groupWait().orElse(parent.groupWait),
                spec.groupInterval().orElse(parent.groupInterval),
                spec.repeatInterval().orElse(parent.repeatInterval),
                spec.muteTimeIntervals(),
                spec.activeTimeIntervals(),
                List.of());
        List<Route> children = new ArrayList<>();
        for (int i = 0; i < spec.routes().size(); i++) {
            children.add(resolve(spec.routes().get(i), self, id, i));
        }
        return self.withRoutes(children);
    }

    private Route withRoutes(List<Route> children) {
        return new Route(
                id,
                receiver,
                groupBy,
                groupByAll,
                matchers,
                continueMatching,
                groupWait,
                groupInterval,
                repeatInterval,
                muteTimeIntervals,
                activeTimeIntervals,
                children);
    }

    /** The routes this alert goes to, in tree order; empty when this node's matchers do not match. */
    public List<Route> match(Labels labels) {
        if (!matchers.matches(labels)) {
            return List.of();
        }
        List<Route> all = new ArrayList<>();
        for (Route child : routes) {
            List<Route> found = child.match(labels);
            all.addAll(found);
            if (!found.isEmpty() && !child.continueMatching) {
                break;
            }
        }
        if (all.isEmpty()) {
            all.add(this);
        }
        return all;
    }

    /** The labels this route groups the alert by: all of them with {@code ...}, else those of group_by it has. */
    public Labels groupLabels(Labels alert) {
        if (groupByAll) {
            return alert;
        }
        Labels.Builder b = Labels.builder();
        for (String name : groupBy) {
            String v = alert.get(name);
            if (v != null) {
                b.add(name, v);
            }
        }
        return b.build();
    }

    /** Every node of the tree, depth first. */
    public List<Route> flatten() {
        List<Route> out = new ArrayList<>();
        out.add(this);
        for (Route r : routes) {
            out.addAll(r.flatten());
        }
        return out;
    }
}
