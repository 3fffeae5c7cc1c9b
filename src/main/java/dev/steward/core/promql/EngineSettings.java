package dev.steward.core.promql;

/**
 * Settings of a {@link PromqlEngine}.
 *
 * @param lookbackDeltaMillis how far back an instant selector looks for a sample (Prometheus: 5 minutes)
 * @param maxSamples the most samples a query may hold in memory at once before it fails (Prometheus: 50 million)
 */
public record EngineSettings(long lookbackDeltaMillis, long maxSamples) {
    public static final EngineSettings DEFAULTS = new EngineSettings(300_000, 50_000_000);

    public EngineSettings {
        if (lookbackDeltaMillis <= 0) {
            throw new IllegalArgumentException("lookbackDeltaMillis must be positive, got " + lookbackDeltaMillis);
        }
        if (maxSamples <= 0) {
            throw new IllegalArgumentException("maxSamples must be positive, got " + maxSamples);
        }
    }

    public EngineSettings withMaxSamples(long max) {
        return new EngineSettings(lookbackDeltaMillis, max);
    }

    public EngineSettings withLookbackDeltaMillis(long millis) {
        return new EngineSettings(millis, maxSamples);
    }
}
