package dev.steward.core.rule;

import java.util.Map;

/**
 * {@code record: NAME, expr: EXPR, labels: {...}}: every evaluation writes the expression's result as series named
 * {@code record}, with {@code labels} added or replaced (recording-rule labels are not templates, as in Prometheus).
 */
public record RecordingRule(String record, String expr, Map<String, String> labels) implements Rule {
    public RecordingRule {
        labels = Map.copyOf(labels);
    }

    @Override
    public String name() {
        return record;
    }
}
