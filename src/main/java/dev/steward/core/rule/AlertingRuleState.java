package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one alerting rule between evaluations.
 *
 * @param alerts pending, firing and recently resolved alerts by their labels
 * @param history for {@code fire_after}: per alert labels, which of the latest evaluations returned it (bit 0 is the
 *     latest); entries with no bit set in the window are dropped
 */
public record AlertingRuleState(Map<Labels, Alert> alerts, Map<Labels, Long> history) {
    public static final AlertingRuleState EMPTY = new AlertingRuleState(Map.of(), Map.of());

    public AlertingRuleState {
        alerts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alerts));
        history = Map.copyOf(history);
    }

    /** Pending and firing alerts, in label order. */
    public List<Alert> active() {
        return alerts.values().stream()
                .filter(Alert::isActive)
                .sorted(java.util.Comparator.comparing(Alert::labels))
                .toList();
    }
}
