package dev.steward.core.route;

import dev.steward.core.series.Labels;

/** An aggregation group's identity: the route's id and the alert's values for the route's {@code group_by}. */
public record GroupKey(String routeId, Labels groupLabels) {
    @Override
    public String toString() {
        return routeId + ":" + groupLabels;
    }
}
