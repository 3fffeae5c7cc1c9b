package dev.steward.core.deploy;

/**
 * Canary against baseline by a one-sided Mann-Whitney U test: fails when the canary's samples (of {@code
 * canaryQuery}, e.g. latencies or error ratios over the last minutes) are larger than the baseline's with {@code
 * confidence} (0.95: p below 0.05). Gives no verdict with fewer than {@code minSamples} samples on either side.
 */
public record StatisticalGate(
        String name, String canaryQuery, String baselineQuery, double confidence, int minSamples) {
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_MIN_SAMPLES = 10;
}
