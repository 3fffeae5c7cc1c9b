package dev.steward.core.deploy;

import java.time.Duration;
import java.util.List;

/**
 * A named analysis: its metrics and statistical gates are measured every {@code interval}. More than {@code
 * failureLimit} failed measurements fail it; more than {@code inconclusiveLimit} inconclusive ones, more than {@code
 * errorLimit} query errors in a row, or more than {@code insufficientLimit} measurements without enough data pause the
 * deployment and page. It passes only after {@code minSamples} measurements with data.
 */
public record AnalysisTemplate(
        String name,
        List<AnalysisMetric> metrics,
        List<StatisticalGate> statistical,
        Duration interval,
        int failureLimit,
        int inconclusiveLimit,
        int errorLimit,
        int insufficientLimit,
        int minSamples) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_FAILURE_LIMIT = 0;
    public static final int DEFAULT_INCONCLUSIVE_LIMIT = 1;
    public static final int DEFAULT_ERROR_LIMIT = 4;
    public static final int DEFAULT_INSUFFICIENT_LIMIT = 10;
    public static final int DEFAULT_MIN_SAMPLES = 3;

    public AnalysisTemplate {
        metrics = List.copyOf(metrics);
        statistical = List.copyOf(statistical);
    }
}
