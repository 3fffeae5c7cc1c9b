package dev.steward.core.oncall;

import java.time.Duration;
import java.util.List;

/**
 * Levels paged one after the other until someone acknowledges, as in PagerDuty: level 0 is paged when the incident
 * triggers; level {@code i + 1} when level {@code i} has not acknowledged within its {@code escalateAfter}. After the
 * last level the policy starts again from level 0, at most {@code repeat} more times. An incident keeps the policy it
 * triggered with (frozen), so a reload does not change who an open incident pages.
 */
public record EscalationPolicy(String name, List<Level> levels, int repeat) {
    public EscalationPolicy {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("escalation policy " + name + ": expected at least one level");
        }
        if (repeat < 0) {
            throw new IllegalArgumentException("escalation policy " + name + ": repeat " + repeat + ", expected >= 0");
        }
    }

    /** One level: whom it pages, and how long it has to acknowledge before the next level is paged. */
    public record Level(Duration escalateAfter, List<Target> targets) {
        public Level {
            targets = List.copyOf(targets);
        }
    }
}
