package dev.steward.core.exposition;

import dev.steward.core.series.Labels;
import java.util.OptionalLong;

/** One parsed sample, as collected by {@link ExpositionCollector}. */
public record ParsedSample(String metricName, Labels labels, double value, OptionalLong timestampMs) {
    /** Equality by the value's bits, so NaN equals NaN and a stale marker differs from NaN. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedSample s
                && metricName.equals(s.metricName)
                && labels.equals(s.labels)
                && Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(s.value)
                && timestampMs.equals(s.timestampMs);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + Long.hashCode(Double.doubleToRawLongBits(value));
    }
}
