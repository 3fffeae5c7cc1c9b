package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import dev.steward.core.series.Sample;
import dev.steward.core.series.StaleMarker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Restores the {@code for} state of pending alerts after a restart, as Prometheus does with {@code ALERTS_FOR_STATE}:
 * after the first evaluation, each new pending alert whose {@code ALERTS_FOR_STATE} series had a sample within the
 * outage tolerance gets back its old {@code activeAt}, shifted by the length of the outage, so the time spent pending
 * before the restart counts; an alert that would fire within the grace period is given the grace period instead, so
 * that a restart never makes alerts fire at once. Rules whose {@code for} is shorter than the grace period are not
 * restored.
 */
public final class ForStateRestore {
    private ForStateRestore() {}

    /**
     * Prometheus's {@code rules.alert.for-outage-tolerance} (1h) and {@code rules.alert.for-grace-period} (10m).
     *
     * @param outageTolerance samples older than this before the restart are not used
     * @param gracePeriod the least time a restored alert still waits before firing
     */
    public record Settings(Duration outageTolerance, Duration gracePeriod) {
        public static final Settings PROMETHEUS = new Settings(Duration.ofHours(1), Duration.ofMinutes(10));
    }

    /**
     * The restored {@code activeAt} of an alert, or empty when it is not restored.
     *
     * @param holdFor the rule's {@code for}
     * @param last the latest {@code ALERTS_FOR_STATE} sample before the restart: timestamp (when Steward went down) and
     *     value (the old {@code activeAt} in Unix seconds)
     * @param now the restoration instant (the first evaluation after the start)
     */
    public static Optional<Instant> restoredActiveAt(Duration holdFor, Sample last, Instant now, Settings settings) {
        if (holdFor.compareTo(settings.gracePeriod()) < 0 || StaleMarker.isStaleMarker(last.value())) {
            return Optional.empty();
        }
        Instant downAt = Instant.ofEpochSecond(Math.floorDiv(last.timestamp(), 1000));
        if (downAt.isBefore(now.minus(settings.outageTolerance())) || downAt.isAfter(now)) {
            return Optional.empty();
        }
        Instant activeAt = Instant.ofEpochSecond((long) last.value());
        Duration remaining = holdFor.minus(Duration.between(activeAt, downAt));
        if (remaining.isNegative() || remaining.isZero()) {
            return Optional.of(activeAt); // was firing: fires again at the next evaluation if still returned
        }
        if (remaining.compareTo(settings.gracePeriod()) < 0) {
            return Optional.of(now.plus(settings.gracePeriod()).minus(holdFor));
        }
        return Optional.of(activeAt.plus(Duration.between(downAt, now)));
    }

    /**
     * The group's state after restoration: each pending alert of the alerting rules found in {@code lastForState}
     * (keyed by the alert's labels, without {@code __name__}) gets its restored {@code activeAt}; the state is marked
     * restored so that evaluations write {@code ALERTS} from now on.
     */
    public static GroupState restore(
            RuleGroup group, GroupState state, Map<Labels, Sample> lastForState, Instant now, Settings settings) {
        List<String> keys = RuleKeys.of(group);
        Map<String, AlertingRuleState> out = new HashMap<>(state.alerting());
        for (int i = 0; i < group.rules().size(); i++) {
            if (!(group.rules().get(i) instanceof AlertingRule rule)) {
                continue;
            }
            AlertingRuleState s = state.alerting(keys.get(i));
            Map<Labels, Alert> alerts = new java.util.LinkedHashMap<>(s.alerts());
            alerts.replaceAll((labels, a) -> {
                Sample last = lastForState.get(labels);
                if (last == null || !(a.state() instanceof AlertState.Pending)) {
                    return a;
                }
                return restoredActiveAt(rule.holdFor(), last, now, settings)
                        .map(at -> a.with(new AlertState.Pending(at)))
                        .orElse(a);
            });
            out.put(keys.get(i), new AlertingRuleState(alerts, s.history()));
        }
        return new GroupState(out, state.written(), true);
    }
}
