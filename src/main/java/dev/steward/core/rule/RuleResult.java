package dev.steward.core.rule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one rule fared in one evaluation.
 *
 * @param error why the rule failed ({@code exceeded limit of 10 with 12 series}, the query's error); empty when healthy
 * @param seriesCount series written (recording rule) or active alerts (alerting rule)
 * @param alerts the alerting rule's pending, firing and recently resolved alerts after the evaluation
 */
public record RuleResult(Rule rule, Optional<String> error, int seriesCount, Duration duration, List<Alert> alerts) {
    public RuleResult {
        alerts = List.copyOf(alerts);
    }

    public boolean healthy() {
        return error.isEmpty();
    }
}
