package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An inhibition rule as in Alertmanager: a firing alert matching {@code source} mutes every alert matching {@code
 * target} that has the same values (absent counts as empty) for every label in {@code equal}. An alert that matches
 * both sides cannot be muted by another alert that also matches both sides, so a rule never mutes a whole group of
 * equals against each other.
 */
public record InhibitRule(Matchers source, Matchers target, Set<String> equal) {
    public InhibitRule {
        equal = Set.copyOf(equal);
    }

    /** Whether this rule mutes {@code alert}, given every alert Steward holds (resolved ones are ignored). */
    public boolean mutes(Labels alert, Collection<Alert> alerts, Instant now) {
        if (!target.matches(alert)) {
            return false;
        }
        boolean twoSided = source.matches(alert);
        for (Alert a : alerts) {
            if (a.resolved(now) || !source.matches(a.labels()) || !equalLabels(a.labels(), alert)) {
                continue;
            }
            if (twoSided && target.matches(a.labels())) {
                continue;
            }
            return true;
        }
        return false;
    }

    private boolean equalLabels(Labels a, Labels b) {
        for (String name : equal) {
            String va = a.get(name);
            String vb = b.get(name);
            if (!(va == null ? "" : va).equals(vb == null ? "" : vb)) {
                return false;
            }
        }
        return true;
    }

    /** Whether any of {@code rules} mutes {@code alert}. */
    public static boolean inhibited(Labels alert, List<InhibitRule> rules, Collection<Alert> alerts, Instant now) {
        for (InhibitRule r : rules) {
            if (r.mutes(alert, alerts, now)) {
                return true;
            }
        }
        return false;
    }
}
