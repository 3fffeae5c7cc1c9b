package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import dev.steward.core.series.StaleMarker;

/** A sample a rule produced, for the caller to append: labels with {@code __name__}, Unix milliseconds, value. */
public record RuleSample(Labels labels, long timestamp, double value) {
    public boolean isStaleMarker() {
        return StaleMarker.isStaleMarker(value);
    }
}
