package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import java.util.Map;

/**
 * One alert of an alerting rule.
 *
 * @param labels the alert's identity: the series' labels without {@code __name__}, the rule's rendered labels, and
 *     {@code alertname}
 * @param seriesLabels the labels of the expression's element (without {@code __name__}), before the rule's labels
 * @param annotations rendered at the latest evaluation that returned the alert
 * @param value the element's value at the latest evaluation that returned the alert
 */
public record Alert(
        Labels labels, Labels seriesLabels, Map<String, String> annotations, double value, AlertState state) {

    public Alert {
        annotations = Map.copyOf(annotations);
    }

    public String name() {
        return labels.get("alertname");
    }

    Alert with(AlertState next) {
        return new Alert(labels, seriesLabels, annotations, value, next);
    }

    /** Pending or firing: written to {@code ALERTS} and counted against the group's limit. */
    public boolean isActive() {
        return !(state instanceof AlertState.Resolved);
    }
}
